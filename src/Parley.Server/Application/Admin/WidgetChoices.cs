namespace Parley.Server.Application.Admin;

/// <summary>What a chat widget may name: the tenant's queues (where chats go), flows and business-hours schedules.</summary>
public sealed record WidgetChoices(IReadOnlyList<Choice> Queues, IReadOnlyList<Choice> Flows, IReadOnlyList<Choice> Schedules);
