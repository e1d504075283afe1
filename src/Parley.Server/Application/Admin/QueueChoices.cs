namespace Parley.Server.Application.Admin;

/// <summary>The tenant's skills and queues, for a queue form's pickers (required skills, overflow queue).</summary>
public sealed record QueueChoices(IReadOnlyList<Choice> Skills, IReadOnlyList<Choice> Queues);
