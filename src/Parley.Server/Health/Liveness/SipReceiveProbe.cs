using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Parley.Sip.Stack;

namespace Parley.Server.Health.Liveness;

/// <summary>
/// The SIP receive loop answers: an OPTIONS sent to the UDP listener from a loopback socket gets a response
/// (re-sent each second while none comes, as a SIP client would). A server without a UDP listener passes.
/// </summary>
internal sealed class SipReceiveProbe(SipStack stack) : ILivenessProbe
{
    private static readonly TimeSpan Resend = TimeSpan.FromSeconds(1);

    public string Loop => "sip-receive";

    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        if (stack.Listeners.FirstOrDefault(l => string.Equals(l.Transport, "UDP", StringComparison.OrdinalIgnoreCase)) is not { } listener)
        {
            return; // TCP/TLS only: their accept loops are not probed.
        }

        var target = Reachable(listener.EndPoint);
        using var socket = new Socket(target.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(target.Address, 0));
        var callId = "liveness-" + Guid.NewGuid().ToString("N");
        var request = Encoding.ASCII.GetBytes(Options(target, (IPEndPoint)socket.LocalEndPoint!, callId));
        var buffer = new byte[8192];
        while (true)
        {
            await socket.SendToAsync(request, SocketFlags.None, target, cancellationToken).ConfigureAwait(false);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(Resend);
            try
            {
                while (true)
                {
                    var received = await socket.ReceiveAsync(buffer, SocketFlags.None, wait.Token).ConfigureAwait(false);
                    var text = Encoding.ASCII.GetString(buffer, 0, received);
                    if (text.StartsWith("SIP/2.0 ", StringComparison.Ordinal) && text.Contains(callId, StringComparison.Ordinal))
                    {
                        return;
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // No answer within a second: send again.
            }
        }
    }

    private static IPEndPoint Reachable(IPEndPoint bound) =>
        bound.Address.Equals(IPAddress.Any) ? new IPEndPoint(IPAddress.Loopback, bound.Port)
        : bound.Address.Equals(IPAddress.IPv6Any) ? new IPEndPoint(IPAddress.IPv6Loopback, bound.Port)
        : bound;

    private static string Options(IPEndPoint target, IPEndPoint local, string callId)
    {
        var host = local.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{local.Address}]" : local.Address.ToString();
        var to = target.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{target.Address}]" : target.Address.ToString();
        var port = local.Port.ToString(CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"""
            OPTIONS sip:{to}:{target.Port} SIP/2.0
            Via: SIP/2.0/UDP {host}:{port};branch=z9hG4bK{Guid.NewGuid():N};rport
            Max-Forwards: 1
            From: <sip:liveness@{host}:{port}>;tag={Guid.NewGuid():N}
            To: <sip:{to}:{target.Port}>
            Call-ID: {callId}
            CSeq: 1 OPTIONS
            Content-Length: 0


            """).ReplaceLineEndings("\r\n");
    }
}
