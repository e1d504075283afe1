using System.Net;
using System.Net.Sockets;
using Parley.Sip.Logging;
using Parley.Sip.Parsing;

namespace Parley.Sip.Transport;

public sealed partial class UdpSipTransport
{
    private void ReceiveLoop(ISipMessageSink sink)
    {
        var buffer = GC.AllocateUninitializedArray<byte>(65_536, pinned: true);
        var received = new SocketAddress(_socket.AddressFamily);
        var any = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        UdpFlow? last = null; // one source (a carrier, a proxy, SIPp) sends most datagrams: keep its flow
        while (!_stopping)
        {
            int length;
            try
            {
                length = _socket.ReceiveFrom(buffer, SocketFlags.None, received);
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
            {
                continue;
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                if (!_stopping)
                {
                    SipLog.ReceiveError(_logger, Name, ex);
                }

                return;
            }

            if (_stopping)
            {
                return;
            }

            if (last is null || !received.Equals(last.Address))
            {
                last = new UdpFlow(this, (IPEndPoint)any.Create(received), Copy(received));
            }

            if (sink.Admit(last))
            {
                Dispatch(sink, last, buffer.AsSpan(0, length));
            }
        }
    }

    private void Dispatch(ISipMessageSink sink, UdpFlow flow, ReadOnlySpan<byte> datagram)
    {
        if (datagram.Trim("\r\n"u8).IsEmpty)
        {
            return;
        }

        Messages.SipMessage message;
        try
        {
            message = _parser.ParseDatagram(datagram);
        }
        catch (SipParseException ex)
        {
            sink.OnRejected(ex, datagram, flow);
            return;
        }

        sink.OnMessage(message, flow);
    }

    private static SocketAddress Copy(SocketAddress address)
    {
        var copy = new SocketAddress(address.Family, address.Size);
        address.Buffer.Span[..address.Size].CopyTo(copy.Buffer.Span);
        return copy;
    }
}
