using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Parley.Server.Tests.Sip;

/// <summary>A raw UDP SIP client on loopback: sends request text, returns the first final response's text.</summary>
internal sealed class SipUdpProbe : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly IPEndPoint _server;

    public SipUdpProbe(int serverPort)
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _server = new IPEndPoint(IPAddress.Loopback, serverPort);
    }

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    public async Task<string> SendAsync(string request, CancellationToken cancellationToken)
    {
        await _socket.SendToAsync(Encoding.ASCII.GetBytes(request), _server, cancellationToken);
        var buffer = new byte[8192];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (true)
        {
            var received = await _socket.ReceiveAsync(buffer, timeout.Token);
            var text = Encoding.ASCII.GetString(buffer, 0, received);
            if (!text.StartsWith("SIP/2.0 1", StringComparison.Ordinal))
            {
                return text;
            }
        }
    }

    public string Request(string method, string uri, string to, string callId, int cseq, string? extraHeaders = null, string? contact = null) =>
        $"{method} {uri} SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:{Port};branch=z9hG4bK{Guid.NewGuid():N};rport\r\n" +
        "Max-Forwards: 70\r\n" +
        $"From: <{to}>;tag=probe{cseq}\r\n" +
        $"To: <{to}>\r\n" +
        $"Call-ID: {callId}\r\n" +
        $"CSeq: {cseq} {method}\r\n" +
        $"Contact: <{contact ?? $"sip:probe@127.0.0.1:{Port}"}>\r\n" +
        (extraHeaders ?? string.Empty) +
        "Content-Length: 0\r\n\r\n";

    public void Dispose() => _socket.Dispose();
}
