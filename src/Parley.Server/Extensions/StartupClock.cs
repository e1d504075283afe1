using System.Diagnostics;

namespace Parley.Server.Extensions;

/// <summary>
/// When <c>Main</c> began. The process's own start time is not it: <c>eng/demo.sh</c> builds first and then
/// <c>exec</c>s the server in the same process, so that clock would count the build.
/// </summary>
internal static class StartupClock
{
    private static long _began = Stopwatch.GetTimestamp();

    /// <summary>Called first thing in <c>Main</c>.</summary>
    public static void Begin() => _began = Stopwatch.GetTimestamp();

    public static TimeSpan Elapsed => Stopwatch.GetElapsedTime(_began);
}
