namespace Parley.Flows.Model;

/// <summary>A share of calls (in percent) and where they go.</summary>
public sealed class DistributionBranch
{
    public double? Percent { get; init; }
    public string? Next { get; init; }
}
