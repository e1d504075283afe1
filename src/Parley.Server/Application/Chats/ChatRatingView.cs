namespace Parley.Server.Application.Chats;

/// <summary>The visitor's satisfaction rating of a chat (1–5, optional comment), one per interaction.</summary>
public sealed record ChatRatingView(int Score, string? Comment, DateTimeOffset? RatedAt);
