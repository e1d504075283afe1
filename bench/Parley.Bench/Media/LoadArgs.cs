using System.Globalization;
using Parley.Media.Scheduling;

namespace Parley.Bench.Media;

/// <summary>Arguments of <c>media-load</c>.</summary>
internal sealed record LoadArgs(int Sessions, int Seconds, int Warmup, int PortMin, ClockThreadPriority Priority, string Role, string? PortsFile, int Lanes, int SippPort, int CallRate)
{
    public static LoadArgs Parse(string[] args)
    {
        var priority = Str(args, "--priority");
        return new LoadArgs(
            Int(args, "--sessions", 2000),
            Int(args, "--seconds", 20),
            Int(args, "--warmup", 3),
            Int(args, "--port-min", 20000),
            priority is null ? ClockThreadPriority.High : Enum.Parse<ClockThreadPriority>(priority, ignoreCase: true),
            Str(args, "--role") ?? "both",
            Str(args, "--ports-file"),
            Int(args, "--lanes", 1),
            Int(args, "--sipp-port", 0),
            Int(args, "--call-rate", 200));
    }

    /// <summary>The engine under test: loopback, one port pair per session (plus slack), silence only when asked.</summary>
    public Parley.Media.MediaOptions EngineOptions() => new()
    {
        BindAddress = "127.0.0.1",
        RtpPortMin = PortMin,
        RtpPortMax = PortMin + (Sessions * 2) + 200,
        SendSilenceWhenIdle = false,
        Clock = new MediaClockOptions { ThreadPriority = Priority, Lanes = Lanes },
    };

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static string? Str(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Int(string[] args, string name, int fallback) =>
        int.TryParse(Str(args, name), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : fallback;
}
