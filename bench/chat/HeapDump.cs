using System.Diagnostics;

namespace Parley.Bench.Chat;

/// <summary>
/// With <c>CHAT_BENCH_GCDUMP_DIR</c> set, takes a heap dump of the server (<c>dotnet-gcdump collect</c>, looked up in
/// <c>~/.dotnet/tools</c> or on the PATH) at each idle measurement: <c>DIR/idle-SESSIONS.gcdump</c>. Compare two with
/// <c>dotnet-gcdump report</c> to see what a session holds.
/// </summary>
internal static class HeapDump
{
    public static async Task TakeAsync(int pid, string label)
    {
        var directory = Environment.GetEnvironmentVariable("CHAT_BENCH_GCDUMP_DIR");
        if (string.IsNullOrEmpty(directory))
        {
            return;
        }

        Directory.CreateDirectory(directory);
        var tool = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-gcdump");
        var info = new ProcessStartInfo(File.Exists(tool) ? tool : "dotnet-gcdump") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var arg in new[] { "collect", "-p", pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", Path.Combine(directory, $"idle-{label}.gcdump") })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Console.WriteLine($"heap dump idle-{label}.gcdump: exit {process.ExitCode}");
    }
}
