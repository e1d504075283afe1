using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Parley.Sip.Auth;

namespace Parley.Server.Tests.Sip;

/// <summary>
/// A phone's INVITE over UDP: sent without credentials, then (when <c>password</c> is given and the answer is a 401) again
/// with a SHA-256 digest answer. Every final response is ACKed, as a phone does, so the server stops retransmitting it.
/// </summary>
internal sealed partial class SipDigestInvite : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly IPEndPoint _server;
    private readonly IPAddress _local;

    /// <summary>A phone on <paramref name="local"/> (default 127.0.0.1; other 127.0.0.x addresses play other sources).</summary>
    public SipDigestInvite(int serverPort, IPAddress? local = null)
    {
        _local = local ?? IPAddress.Loopback;
        _socket.Bind(new IPEndPoint(_local, 0));
        _server = new IPEndPoint(IPAddress.Loopback, serverPort);
    }

    private int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    /// <summary>Header lines (each ending in CRLF) added to every INVITE, e.g. what a proxy in front adds.</summary>
    public string ExtraHeaders { get; init; } = "";

    /// <summary>The final responses in order: the first INVITE's, then (if answered) the authenticated INVITE's.</summary>
    public async Task<IReadOnlyList<string>> CallAsync(string caller, string callerRealm, string? password, string target, CancellationToken cancellationToken)
    {
        var callId = Guid.NewGuid().ToString("N");
        var from = $"<sip:{caller}@{callerRealm}>;tag={callId[..8]}";
        var first = await TransactAsync(target, from, callId, 1, null, cancellationToken);
        if (password is null || !first.StartsWith("SIP/2.0 401", StringComparison.Ordinal))
        {
            return [first];
        }

        var nonce = Nonce().Match(first).Groups[1].Value;
        var realm = Realm().Match(first).Groups[1].Value;
        var answer = SipDigestAuthenticator.ComputeResponse("SHA-256", caller, realm, password, "INVITE", target, nonce, "auth", "00000001", "c0ffee");
        var authorization = $"Authorization: Digest username=\"{caller}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{target}\", response=\"{answer}\", algorithm=SHA-256, qop=auth, nc=00000001, cnonce=\"c0ffee\"\r\n";
        return [first, await TransactAsync(target, from, callId, 2, authorization, cancellationToken)];
    }

    public void Dispose() => _socket.Dispose();

    private async Task<string> TransactAsync(string target, string from, string callId, int cseq, string? authorization, CancellationToken cancellationToken)
    {
        var via = $"Via: SIP/2.0/UDP {_local}:{Port};branch=z9hG4bK{Guid.NewGuid():N};rport\r\n";
        var invite =
            $"INVITE {target} SIP/2.0\r\n{via}Max-Forwards: 70\r\nFrom: {from}\r\nTo: <{target}>\r\nCall-ID: {callId}\r\n" +
            $"CSeq: {cseq} INVITE\r\nContact: <sip:phone@{_local}:{Port}>\r\nUser-Agent: Parley test phone\r\n{ExtraHeaders}{authorization}Content-Length: 0\r\n\r\n";
        await _socket.SendToAsync(Encoding.ASCII.GetBytes(invite), _server, cancellationToken);
        var final = await ReceiveFinalAsync(cseq, cancellationToken);
        var to = ToHeader().Match(final).Groups[1].Value.Trim();
        var ack = $"ACK {target} SIP/2.0\r\n{via}Max-Forwards: 70\r\nFrom: {from}\r\nTo: {to}\r\nCall-ID: {callId}\r\nCSeq: {cseq} ACK\r\nContent-Length: 0\r\n\r\n";
        await _socket.SendToAsync(Encoding.ASCII.GetBytes(ack), _server, cancellationToken);
        return final;
    }

    private async Task<string> ReceiveFinalAsync(int cseq, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (true)
        {
            var received = await _socket.ReceiveAsync(buffer, timeout.Token);
            var text = Encoding.ASCII.GetString(buffer, 0, received);
            if (!text.StartsWith("SIP/2.0 1", StringComparison.Ordinal) && text.Contains($"CSeq: {cseq} INVITE", StringComparison.Ordinal))
            {
                return text;
            }
        }
    }

    [GeneratedRegex("nonce=\"([^\"]+)\"")]
    private static partial Regex Nonce();

    [GeneratedRegex("realm=\"([^\"]+)\"")]
    private static partial Regex Realm();

    [GeneratedRegex(@"^To:(.*)$", RegexOptions.Multiline)]
    private static partial Regex ToHeader();
}
