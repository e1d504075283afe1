using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Parley.Sip.Auth;

namespace Parley.Bench.Sip;

/// <summary>
/// Password-guessing load driver: workers send REGISTERs with wrong SHA-256 digests for one account, as fast as the
/// target answers, each answer's nonce feeding the next guess (one round trip per guess). Counts answers per status:
/// a 401 is a wrong digest the target checked and answered, a 403 a refusal. Loopback targets only, bounded in time.
/// <c>sip-guess HOST:PORT USER REALM [SECONDS=30] [WORKERS=8] [SOURCE=127.0.0.1]</c>
/// </summary>
public sealed partial class SipGuessCommand : IBenchCommand
{
    public string Name => "sip-guess";

    public string Description => "wrong SIP digests per minute from one address: HOST:PORT USER REALM [seconds=30] [workers=8] [source=127.0.0.1]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length < 3 || !IPEndPoint.TryParse(args[0], out var target) || !IPAddress.IsLoopback(target.Address))
        {
            Console.WriteLine("usage: sip-guess 127.0.0.1:PORT USER REALM [seconds=30] [workers=8] [source=127.0.0.1] (loopback targets only)");
            return 2;
        }

        var user = args[1];
        var realm = args[2];
        var seconds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 30;
        var workers = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 8;
        var source = args.Length > 5 ? IPAddress.Parse(args[5]) : IPAddress.Loopback;
        if (!IPAddress.IsLoopback(source) || seconds is < 1 or > 600)
        {
            Console.WriteLine("source must be loopback and seconds 1..600");
            return 2;
        }

        var tally = new Tally();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(TimeSpan.FromSeconds(seconds));
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(i => Task.Run(() => GuessAsync(target, source, user, realm, i, tally, stop.Token), CancellationToken.None)));
        var elapsed = clock.Elapsed.TotalSeconds;
        var perMinute = 60 / elapsed;
        Console.WriteLine($"sip-guess: {elapsed:F1} s, {workers} workers from {source} to {target}, account {user}@{realm}");
        Console.WriteLine($"sip-guess: guesses sent {tally.Sent}, 401 (checked) {tally.Checked}, 403 (refused) {tally.Refused}, other {tally.Other}, timeouts {tally.Timeouts}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sip-guess: wrong digests answered 401 per minute {tally.Checked * perMinute:F0}, refused per minute {tally.Refused * perMinute:F0}, all answers per minute {(tally.Checked + tally.Refused + tally.Other) * perMinute:F0}"));
        return 0;
    }

    private static async Task GuessAsync(IPEndPoint target, IPAddress source, string user, string realm, int worker, Tally tally, CancellationToken stop)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(source, 0));
        var local = (IPEndPoint)socket.LocalEndPoint!;
        var buffer = new byte[8192];
        var callId = $"guess-{worker}-{Guid.NewGuid():N}";
        var uri = $"sip:{realm}";
        string? nonce = null;
        var cseq = 0;
        while (!stop.IsCancellationRequested)
        {
            cseq++;
            var authorization = string.Empty;
            if (nonce is not null)
            {
                var wrong = "guess" + cseq.ToString(CultureInfo.InvariantCulture);
                var answer = SipDigestAuthenticator.ComputeResponse("SHA-256", user, realm, wrong, "REGISTER", uri, nonce, "auth", "00000001", "c0ffee");
                authorization = $"Authorization: Digest username=\"{user}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{answer}\", algorithm=SHA-256, qop=auth, nc=00000001, cnonce=\"c0ffee\"\r\n";
                tally.Count(ref tally.Sent);
            }

            var request = $"REGISTER {uri} SIP/2.0\r\nVia: SIP/2.0/UDP {local};branch=z9hG4bK{Guid.NewGuid():N};rport\r\nMax-Forwards: 70\r\n" +
                $"From: <sip:{user}@{realm}>;tag=g{worker}\r\nTo: <sip:{user}@{realm}>\r\nCall-ID: {callId}\r\nCSeq: {cseq} REGISTER\r\n" +
                $"Contact: <sip:{user}@{local}>\r\nExpires: 60\r\n{authorization}Content-Length: 0\r\n\r\n";
            string text;
            try
            {
                await socket.SendToAsync(Encoding.ASCII.GetBytes(request), target, stop);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
                timeout.CancelAfter(TimeSpan.FromSeconds(1));
                text = await ReceiveFinalAsync(socket, buffer, $"CSeq: {cseq} REGISTER", timeout.Token);
            }
            catch (OperationCanceledException)
            {
                if (!stop.IsCancellationRequested)
                {
                    tally.Count(ref tally.Timeouts);
                    nonce = null;
                }

                continue;
            }

            var status = text.Length > 11 ? text.Substring(8, 3) : string.Empty;
            if (authorization.Length > 0)
            {
                switch (status)
                {
                    case "401": tally.Count(ref tally.Checked); break;
                    case "403": tally.Count(ref tally.Refused); break;
                    default: tally.Count(ref tally.Other); break;
                }
            }

            var match = Nonce().Match(text);
            nonce = match.Success ? match.Groups[1].Value : null;
        }
    }

    /// <summary>The final response to this CSeq (late answers to earlier requests, after a timeout, are skipped).</summary>
    private static async Task<string> ReceiveFinalAsync(Socket socket, byte[] buffer, string cseq, CancellationToken cancellationToken)
    {
        while (true)
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            var text = Encoding.ASCII.GetString(buffer, 0, n);
            if (!text.StartsWith("SIP/2.0 1", StringComparison.Ordinal) && text.Contains(cseq + "\r\n", StringComparison.Ordinal))
            {
                return text;
            }
        }
    }

    [GeneratedRegex("nonce=\"([^\"]+)\"")]
    private static partial Regex Nonce();

    private sealed class Tally
    {
        public long Sent;
        public long Checked;
        public long Refused;
        public long Other;
        public long Timeouts;

        public void Count(ref long field) => Interlocked.Increment(ref field);
    }
}
