namespace Parley.Interop.Tests.Support;

/// <summary>Starts SIPp on loopback with a bounded run (-timeout) and its screen/stat files in a temp directory.</summary>
internal static class Sipp
{
    public const string Executable = "sipp";

    public static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "Scenarios", name);

    public static PeerProcess Start(params string[] arguments) =>
        PeerProcess.Start(Executable, [.. arguments, "-i", "127.0.0.1", "-nostdin", "-timeout", "30s", "-timeout_error", "-trace_err", "-error_file", Path.Combine(Path.GetTempPath(), $"parley-sipp-{Guid.NewGuid():N}.log")]);
}
