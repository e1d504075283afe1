namespace Parley.Flows.Schedules;

/// <summary>A local date (<c>yyyy-MM-dd</c>) on which the tenant is closed all day.</summary>
public sealed class Holiday
{
    public string Date { get; init; } = "";
    public string? Name { get; init; }
}
