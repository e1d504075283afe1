using System.Net;
using System.Net.Sockets;
using Parley.Sip.Logging;
using Parley.Sip.Messages;
using Parley.Sip.Parsing;

namespace Parley.Sip.Transport;

public sealed partial class UdpSipTransport
{
    /// <summary>
    /// Leader/followers: the thread holding the receive turn reads one datagram, parses it and takes its call's lock
    /// (<see cref="ISipMessageSink.CallLock"/>) before handing the turn on, then processes it while the next thread
    /// reads. Calls run in parallel; the messages of one call are processed in the order they were read.
    /// </summary>
    private void ReceiveLoop(ISipMessageSink sink)
    {
        var buffer = GC.AllocateUninitializedArray<byte>(65_536, pinned: true);
        var received = new SocketAddress(_socket.AddressFamily);
        var any = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        var control = _packetInfo ? GC.AllocateUninitializedArray<byte>(UdpPacketInfoNative.ControlLength, pinned: true) : [];
        var local = _boundKey;
        UdpFlow? last = null; // one source (a carrier, a proxy, SIPp) sends most datagrams to one address: keep its flow
        while (true)
        {
            SipMessage? message = null;
            SipParseException? rejection = null;
            Lock? call = null;
            int length;
            _receiveTurn.Enter();
            try
            {
                if (_stopping)
                {
                    return;
                }

                length = _packetInfo ? ReceiveWithPacketInfo(buffer, received, control, ref local) : _socket.ReceiveFrom(buffer, SocketFlags.None, received);
                if (_stopping)
                {
                    return;
                }

                if (length < 0)
                {
                    continue;
                }

                if (last is null || !received.Equals(last.Address) || local != last.LocalKey)
                {
                    var localEndPoint = local == _boundKey ? LocalEndPoint : new IPEndPoint(LocalAddressOf(local), LocalEndPoint.Port);
                    last = new UdpFlow(this, (IPEndPoint)any.Create(received), Copy(received), localEndPoint, local);
                }

                var datagram = buffer.AsSpan(0, length);
                if (!sink.Admit(last) || datagram.Trim("\r\n"u8).IsEmpty)
                {
                    continue;
                }

                try
                {
                    message = _parser.ParseDatagram(datagram);
                    call = sink.CallLock(message);
                    call.Enter();
                }
                catch (SipParseException ex)
                {
                    rejection = ex;
                }
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
            finally
            {
                _receiveTurn.Exit();
            }

            Process(sink, last, message, call, rejection, buffer.AsSpan(0, length));
        }
    }

    private void Process(ISipMessageSink sink, UdpFlow flow, SipMessage? message, Lock? call, SipParseException? rejection, ReadOnlySpan<byte> datagram)
    {
        try
        {
            if (rejection is not null)
            {
                sink.OnRejected(rejection, datagram, flow);
            }
            else if (message is not null)
            {
                sink.OnMessage(message, flow);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            SipLog.ReceiveError(_logger, Name, ex); // a failing message must not end a receive thread
        }
        finally
        {
            call?.Exit();
        }
    }

    private static SocketAddress Copy(SocketAddress address)
    {
        var copy = new SocketAddress(address.Family, address.Size);
        address.Buffer.Span[..address.Size].CopyTo(copy.Buffer.Span);
        return copy;
    }
}
