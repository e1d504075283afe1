namespace Parley.Flows.Model;

/// <summary>One branch of a condition: an expression and where to go when it holds.</summary>
public sealed class ConditionCase
{
    public string? When { get; init; }
    public string? Next { get; init; }
}
