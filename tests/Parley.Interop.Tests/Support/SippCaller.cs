using System.Globalization;
using System.Net;

namespace Parley.Interop.Tests.Support;

/// <summary>
/// A carrier's caller played by SIPp (<c>uac-demo-caller.xml</c>) from its own loopback address: it dials the demo
/// number, says and presses what its <see cref="RtpPcap"/> holds, and hangs up after a set time. <see cref="Ear"/>
/// hears what Parley sends to its media port.
/// </summary>
internal sealed class SippCaller : IAsyncDisposable
{
    private readonly string _directory;

    private SippCaller(string directory, RtpTap ear, PeerProcess process)
    {
        _directory = directory;
        Ear = ear;
        Process = process;
    }

    public RtpTap Ear { get; }

    public PeerProcess Process { get; }

    public static SippCaller Start(IPAddress address, int parleySipPort, RtpPcap says, TimeSpan hangUpAfter)
    {
        var directory = Directory.CreateTempSubdirectory("parley-sipp-caller-").FullName;
        var pcap = Path.Combine(directory, "caller.pcap");
        says.Save(pcap);
        var scenario = Path.Combine(directory, "caller.xml");
        File.WriteAllText(scenario, File.ReadAllText(Sipp.Scenario("uac-demo-caller.xml"))
            .Replace("\"PCAP\"", $"\"{pcap}\"", StringComparison.Ordinal)
            .Replace("\"HANGUP_MS\"", string.Create(CultureInfo.InvariantCulture, $"\"{(int)hangUpAfter.TotalMilliseconds}\""), StringComparison.Ordinal));
        var mediaPort = FreePort.Udp(evenPair: true);
        var ear = new RtpTap(address, mediaPort);
        var ip = address.ToString();
        var process = PeerProcess.Start(Sipp.Executable,
        [
            "-sf", scenario, string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{parleySipPort}"), "-m", "1",
            "-i", ip, "-mi", ip, "-mp", mediaPort.ToString(CultureInfo.InvariantCulture), "-p", FreePort.Udp().ToString(CultureInfo.InvariantCulture),
            "-nostdin", "-timeout", "50s", "-timeout_error", "-trace_err", "-error_file", Path.Combine(directory, "errors.log"),
        ]);
        return new SippCaller(directory, ear, process);
    }

    public string Errors => File.Exists(Path.Combine(_directory, "errors.log")) ? File.ReadAllText(Path.Combine(_directory, "errors.log")) : string.Empty;

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        Ear.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
