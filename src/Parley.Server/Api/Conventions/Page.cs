namespace Parley.Server.Api.Conventions;

/// <summary>One page of a collection; pass <see cref="NextCursor"/> back as <c>?cursor=</c> for the next one (null at the end).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
