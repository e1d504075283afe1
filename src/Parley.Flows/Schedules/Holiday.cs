namespace Parley.Flows.Schedules;

/// <summary>
/// A local date (<c>yyyy-MM-dd</c>) on which the tenant is closed: all day, or only from <see cref="From"/> until
/// <see cref="Until"/> (local <c>HH:mm</c>, either may be left out: from midnight / until the end of the day); outside
/// that part the weekly hours apply.
/// </summary>
public sealed class Holiday
{
    public string Date { get; init; } = "";
    public string? Name { get; init; }
    public string? From { get; init; }
    public string? Until { get; init; }
}
