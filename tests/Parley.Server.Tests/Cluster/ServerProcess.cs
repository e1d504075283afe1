using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Cluster;

/// <summary>
/// A Parley node in a process of its own, started from the server's build output with <c>dotnet Parley.Server.dll</c>
/// as an operator runs it, so that a test can kill it outright (<see cref="Kill"/> sends SIGKILL). Its output goes to a
/// log file, shown when it fails to start.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _log;
    private readonly StreamWriter _writer;

    private ServerProcess(Process process, string log, StreamWriter writer, Uri baseAddress, int sipPort)
    {
        _process = process;
        _log = log;
        _writer = writer;
        BaseAddress = baseAddress;
        SipPort = sipPort;
    }

    public Uri BaseAddress { get; }

    public int SipPort { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the server with <paramref name="settings"/> (configuration keys) and waits until it is ready.</summary>
    public static async Task<ServerProcess> StartAsync(IEnumerable<KeyValuePair<string, string>> settings, CancellationToken cancellationToken)
    {
        var httpPort = FreePort();
        var sipPort = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{httpPort}");
        var log = Path.Combine(Path.GetTempPath(), $"parley-node-{Guid.NewGuid():N}.log");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = ServerDirectory, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(ServerDirectory, "Parley.Server.dll"));
        var all = settings.Concat(
        [
            new("urls", baseAddress.ToString()),
            new("Parley:Sip:Address", "127.0.0.1"),
            new("Parley:Sip:Port", sipPort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Parley:Media:BindAddress", "127.0.0.1"),
            new("Parley:Demo:Enabled", "true"),
            new("Parley:Demo:AdminPassword", ParleyAppFactory.DemoAdminPassword),
            new("Parley:Demo:SupervisorPassword", ParleyAppFactory.DemoSupervisorPassword),
            new("Parley:Demo:AgentPassword", ParleyAppFactory.DemoAgentPassword),
            new("Parley:Demo:ApiClientSecret", ParleyAppFactory.DemoApiClientSecret),
            new("Parley:Demo:SipPassword", ParleyAppFactory.DemoSipPassword),
            new("Parley:Platform:OperatorPassword", ParleyAppFactory.OperatorPassword),
        ]);
        foreach (var (key, value) in all)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var writer = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(writer, e.Data);
        process.ErrorDataReceived += (_, e) => Write(writer, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, log, writer, baseAddress, sipPort);
        await server.WaitUntilReadyAsync(cancellationToken);
        return server;
    }

    /// <summary>kill -9: the node dies with its calls, sockets and grains, and tells nobody.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        await _writer.DisposeAsync();
        File.Delete(_log);
    }

    /// <summary>The server's build output beside this test's (same configuration and framework).</summary>
    private static string ServerDirectory
    {
        get
        {
            var here = new DirectoryInfo(AppContext.BaseDirectory);
            var framework = here.Name;
            var configuration = here.Parent!.Name;
            var root = here;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Parley.slnx")))
            {
                root = root.Parent;
            }

            return Path.Combine(root?.FullName ?? throw new DirectoryNotFoundException("Parley.slnx not found above the tests"),
                "src", "Parley.Server", "bin", configuration, framework);
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (_process.HasExited)
            {
                break;
            }

            try
            {
                using var ready = await http.GetAsync("/health/ready", cancellationToken);
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Busy starting.
            }

            await Task.Delay(250, cancellationToken);
        }

        var output = File.Exists(_log) ? string.Join('\n', File.ReadLines(_log).TakeLast(40)) : "";
        throw new TimeoutException($"The server process did not become ready (exited: {_process.HasExited}). Its last output:\n{output}");
    }

    private static void Write(StreamWriter writer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (writer)
        {
            writer.WriteLine(line);
        }
    }

    /// <summary>A port free for both TCP and UDP on loopback (SIP listens on both).</summary>
    private static int FreePort()
    {
        for (var attempt = 0; ; attempt++)
        {
            using var tcp = new TcpListener(IPAddress.Loopback, 0);
            tcp.Start();
            var port = ((IPEndPoint)tcp.LocalEndpoint).Port;
            try
            {
                using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException) when (attempt < 20)
            {
                // Taken for UDP; try another.
            }
        }
    }
}
