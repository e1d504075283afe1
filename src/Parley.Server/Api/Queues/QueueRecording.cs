namespace Parley.Server.Api.Queues;

/// <summary>
/// A queue's recording policy: <c>All</c> answered calls (default), <c>None</c>, or <c>Percentage</c> with
/// <c>recordingPercent</c> 0..100 (which calls: chosen by the call id). Only applies when <c>Parley:Calls:Record</c> is on,
/// and a flow's <c>record</c> block overrides it for its call.
/// </summary>
public static class QueueRecording
{
    public const string All = "All";
    public const string None = "None";
    public const string Percentage = "Percentage";

    public static readonly IReadOnlyList<string> Modes = [All, None, Percentage];

    /// <summary>The share of calls recorded: 100, 0, or the percentage.</summary>
    public static int Percent(string mode, int? percent) => mode switch
    {
        None => 0,
        Percentage => Math.Clamp(percent ?? 100, 0, 100),
        _ => 100,
    };

    /// <summary>The mode as stored (canonical case), or null with the problem's text when the pair is not valid.</summary>
    public static string? Check(string? mode, int? percent, out string? error)
    {
        error = null;
        var canonical = mode is null ? All : Modes.FirstOrDefault(m => string.Equals(m, mode, StringComparison.OrdinalIgnoreCase));
        if (canonical is null)
        {
            error = "All, None or Percentage.";
            return null;
        }

        if ((canonical == Percentage) != percent.HasValue || percent is < 0 or > 100)
        {
            error = "recordingPercent (0 to 100) goes with recording Percentage, and only with it.";
            return null;
        }

        return canonical;
    }
}
