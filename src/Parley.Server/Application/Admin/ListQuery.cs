namespace Parley.Server.Application.Admin;

/// <summary>
/// One page of an admin list, asked of the server: <see cref="Filter"/> (a case-insensitive part of the name), the column to
/// sort by (one the list names; others fall back to its default) and the window (<see cref="Take"/> 1–200).
/// </summary>
public sealed record ListQuery(string? Filter = null, string? Sort = null, bool Descending = false, int Skip = 0, int Take = 25)
{
    public const int MaxTake = 200;

    public int EffectiveSkip => Math.Max(0, Skip);

    public int EffectiveTake => Math.Clamp(Take, 1, MaxTake);

    /// <summary>The filter lower-cased and trimmed, or null when there is none.</summary>
    public string? Needle => string.IsNullOrWhiteSpace(Filter) ? null : Filter.Trim().ToLowerInvariant();
}
