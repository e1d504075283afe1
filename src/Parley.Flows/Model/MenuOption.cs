namespace Parley.Flows.Model;

/// <summary>One choice of a menu: a DTMF key and/or spoken keywords.</summary>
public sealed class MenuOption
{
    public string? Digit { get; init; }
    public List<string>? Keywords { get; init; }
    public string? Next { get; init; }
}
