namespace Parley.Server.Tests.Support;

/// <summary>Tenant B's contact-center objects, all named with its canary (the flow is published once, as version 1; the chat widget allows only https://tenant-b.example).</summary>
public sealed record AcdObjects(Guid SkillId, Guid AgentId, Guid QueueId, Guid NotReadyReasonId, Guid InteractionId, Guid WebhookId, Guid FlowId, Guid ScheduleId, Guid WidgetId = default, string WidgetKey = "");
