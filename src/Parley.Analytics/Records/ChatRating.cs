namespace Parley.Analytics.Records;

/// <summary>A customer's rating of a chat, 1 (worst) to 5 (best).</summary>
public sealed record ChatRating(string ContactId, string QueueId, string? AgentId, int Score, DateTimeOffset RatedAt);
