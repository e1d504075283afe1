namespace Parley.Flows.Execution;

/// <summary>Limits for validation and execution (section <c>Parley:Flows</c>).</summary>
public sealed class FlowOptions
{
    public const string Section = "Parley:Flows";

    /// <summary>An execution ends (hang-up, reason <c>step-limit</c>) after this many blocks entered. Default 1,000.</summary>
    public int MaxSteps { get; set; } = 1000;

    /// <summary>A flow may hold at most this many blocks. Default 500.</summary>
    public int MaxBlocks { get; set; } = 500;

    /// <summary>Time allowed to a validation pattern for one match (and for compiling it at validation). Default 100 ms.</summary>
    public TimeSpan RegexTimeout { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Subflows may nest this deep. Default 8.</summary>
    public int MaxSubflowDepth { get; set; } = 8;

    public IEnumerable<string> Problems()
    {
        if (MaxSteps is < 1 or > 1_000_000)
        {
            yield return "MaxSteps must be between 1 and 1000000.";
        }
        if (MaxBlocks is < 1 or > 10_000)
        {
            yield return "MaxBlocks must be between 1 and 10000.";
        }
        if (RegexTimeout <= TimeSpan.Zero || RegexTimeout > TimeSpan.FromSeconds(5))
        {
            yield return "RegexTimeout must be positive and at most 5 seconds.";
        }
        if (MaxSubflowDepth is < 1 or > 64)
        {
            yield return "MaxSubflowDepth must be between 1 and 64.";
        }
    }
}
