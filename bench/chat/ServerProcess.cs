using System.Diagnostics;
using System.Globalization;

namespace Parley.Bench.Chat;

/// <summary>The server side (<see cref="ServeMode"/>) as a child process of the driver: its RSS and CPU read from /proc.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process) => _process = process;

    public Uri Address { get; private set; } = null!;

    public static async Task<ServerProcess> StartAsync(int agents, int capacity, IEnumerable<string> settings)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(typeof(ServerProcess).Assembly.Location);
        info.ArgumentList.Add("serve");
        info.ArgumentList.Add(agents.ToString(CultureInfo.InvariantCulture));
        info.ArgumentList.Add(capacity.ToString(CultureInfo.InvariantCulture));
        foreach (var setting in settings)
        {
            info.ArgumentList.Add(setting);
        }

        var server = new ServerProcess(Process.Start(info)!);
        var ready = await server.ReadUntilAsync("ready ");
        server.Address = new Uri(ready[6..]);
        return server;
    }

    public int Id => _process.Id;

    /// <summary>Resident set size in bytes (VmRSS).</summary>
    public long Rss()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>User + system CPU time so far.</summary>
    public TimeSpan Cpu()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>Asks for a full collection; answers the managed heap after it and the open widget sockets (and sets <see cref="Pool"/>).</summary>
    public async Task<(long Heap, int Sockets)> CollectAsync()
    {
        await _process.StandardInput.WriteLineAsync("gc");
        var parts = (await ReadUntilAsync("gc ")).Split(' ');
        Pool = (long.Parse(parts[3], CultureInfo.InvariantCulture), long.Parse(parts[4], CultureInfo.InvariantCulture));
        return (long.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    /// <summary>Kestrel's memory pool at the last <see cref="CollectAsync"/>: bytes waiting in it, bytes lent to connections.</summary>
    public (long Pooled, long Lent) Pool { get; private set; }

    /// <summary>The server's closing lines (delivery, accepted, stored); the server exits after them.</summary>
    public async Task<List<string>> ReportAsync()
    {
        await _process.StandardInput.WriteLineAsync("report");
        var lines = new List<string>();
        while (await _process.StandardOutput.ReadLineAsync() is { } line && line != "end")
        {
            lines.Add(line);
        }

        return lines;
    }

    public void Dispose()
    {
        if (!_process.WaitForExit(TimeSpan.FromSeconds(20)))
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private async Task<string> ReadUntilAsync(string prefix)
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line;
            }

            Console.WriteLine($"server: {line}");
        }

        throw new InvalidOperationException("The server process ended before it was ready.");
    }
}
