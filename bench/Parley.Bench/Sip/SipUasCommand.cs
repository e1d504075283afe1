using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging.Abstractions;
using Parley.Sip.Auth;
using Parley.Sip.Registrar;
using Parley.Sip.Stack;

namespace Parley.Bench.Sip;

/// <summary>
/// A Parley UAS that answers every INVITE with 200 + SDP, for SIPp load runs:
/// <c>dotnet run -c Release --project bench/Parley.Bench -- sip-uas [PORT] [SECONDS]</c>, then
/// <c>sipp -sn uac 127.0.0.1:PORT -r 1000 -m 20000</c>.
/// </summary>
public sealed class SipUasCommand : IBenchCommand
{
    private static readonly byte[] Sdp = "v=0\r\no=parley 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n"u8.ToArray();

    public string Name => "sip-uas";

    public string Description => "Parley SIP UAS answering every INVITE (for SIPp): [port=5090] [seconds=60] [user:password enables REGISTER]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var port = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5090;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
        var app = new SipAnsweringApplication(Sdp);
        SipRegistrar? registrar = null;
        if (args.Length > 2 && args[2].Split(':') is [var user, var password])
        {
            var store = new SingleUserCredentialStore(user, password);
            var auth = new SipDigestAuthenticator(new SipDigestOptions(), store, TimeProvider.System, NullLogger.Instance);
            registrar = new SipRegistrar(new SipRegistrarOptions(), auth, TimeProvider.System, NullLogger.Instance);
        }

        await using var stack = new SipStack(new SipStackOptions { BindAddress = IPAddress.Any, Port = port }, app, registrar);
        stack.Start();
        Console.WriteLine($"sip-uas listening on {string.Join(", ", stack.Listeners.Select(l => $"{l.Transport} {l.EndPoint}"))}");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var gc = GcSnapshot.Take();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true; // the load script stops us with SIGTERM: print the summary first
            stop.Cancel();
        });
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(seconds), stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"sip-uas: {app.Invites} INVITEs answered, {app.Byes} dialogs ended, {stack.DialogCount} open, " +
            $"CPU {used.TotalSeconds:F1} s over {clock.Elapsed.TotalSeconds:F0} s");
        Console.WriteLine("sip-uas: " + GcSnapshot.Take().Since(gc));
        Console.WriteLine($"sip-uas: thread pool {ThreadPool.ThreadCount} threads, {ThreadPool.CompletedWorkItemCount} work items, " +
            $"lock contentions {Monitor.LockContentionCount}");
        if (registrar is not null)
        {
            var aor = "sip:" + args[2].Split(':')[0] + "@" + (args.Length > 3 ? args[3] : "127.0.0.1");
            var bindings = await registrar.LookupAsync(aor, CancellationToken.None);
            Console.WriteLine($"sip-uas: bindings of {aor}: {string.Join(", ", bindings.Select(b => b.Contact))}");
        }

        return 0;
    }
}
