using System.Buffers.Binary;
using System.ComponentModel;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Parley.Sip.Transport;

public sealed partial class UdpSipTransport
{
    /// <summary>
    /// Which local address a datagram was sent to, as the 16 bytes of an IPv6 address (IPv4 mapped), so the receive
    /// loop compares it with its last flow's without allocating.
    /// </summary>
    internal static UInt128 KeyOf(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        (address.AddressFamily == AddressFamily.InterNetwork ? address.MapToIPv6() : address).TryWriteBytes(bytes, out _);
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    internal static IPAddress LocalAddressOf(UInt128 key)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, key);
        var address = new IPAddress(bytes);
        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
    }

    /// <summary>On a wildcard bind, ask the kernel for each datagram's destination address (Linux; elsewhere the bound address stands).</summary>
    private static bool EnablePacketInfo(Socket socket, IPAddress bound)
    {
        if (!UdpPacketInfoNative.IsSupported || !(bound.Equals(IPAddress.Any) || bound.Equals(IPAddress.IPv6Any)))
        {
            return false;
        }

        if (socket.AddressFamily == AddressFamily.InterNetworkV6)
        {
            socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.PacketInformation, true);
        }

        // IPv4 datagrams on a dual-mode socket carry IP_PKTINFO.
        socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.PacketInformation, true);
        return true;
    }

    /// <summary>
    /// One blocking <c>recvmsg</c>: the datagram into <paramref name="buffer"/>, its source into <paramref name="received"/>
    /// and the local address it was sent to into <paramref name="local"/> (the bound address when the kernel gave none).
    /// Returns the length, or -1 for nothing to process (interrupted, an ICMP error, a truncated datagram).
    /// </summary>
    private unsafe int ReceiveWithPacketInfo(byte[] buffer, SocketAddress received, byte[] control, ref UInt128 local)
    {
        UdpPacketInfoNative.IoVector vector;
        UdpPacketInfoNative.MessageHeader header;
        nint length;
        fixed (byte* data = buffer)
        fixed (byte* name = received.Buffer.Span)
        fixed (byte* controlData = control)
        {
            vector.Base = data;
            vector.Length = (nuint)buffer.Length;
            header.Name = name;
            header.NameLength = (uint)received.Buffer.Length;
            header.Vectors = &vector;
            header.VectorCount = 1;
            header.Control = controlData;
            header.ControlLength = (nuint)control.Length;
            header.Flags = 0;
            length = UdpPacketInfoNative.RecvMsg(_fd, &header, 0);
        }

        if (length < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            switch (errno)
            {
                case UdpPacketInfoNative.EIntr or UdpPacketInfoNative.EConnRefused:
                    return -1;
                case UdpPacketInfoNative.EAgain:
                    _socket.Poll(-1, SelectMode.SelectRead); // the runtime made the socket non-blocking: wait for data
                    return -1;
                default:
                    throw new SocketException(errno, new Win32Exception(errno).Message);
            }
        }

        if ((header.Flags & UdpPacketInfoNative.MessageTruncated) != 0)
        {
            return -1;
        }

        received.Size = (int)header.NameLength;
        local = _boundKey;
        ReadDestination(control.AsSpan(0, (int)header.ControlLength), ref local);
        return (int)length;
    }

    /// <summary>Walks the control messages (<c>cmsghdr</c>: 8-byte length, level, type, data aligned to 8) for the packet info.</summary>
    private static void ReadDestination(ReadOnlySpan<byte> control, ref UInt128 local)
    {
        var offset = 0;
        while (offset + 16 <= control.Length)
        {
            var length = (int)MemoryMarshal.Read<ulong>(control[offset..]);
            var level = MemoryMarshal.Read<int>(control[(offset + 8)..]);
            var type = MemoryMarshal.Read<int>(control[(offset + 12)..]);
            if (length < 16 || offset + length > control.Length)
            {
                return;
            }

            var data = control.Slice(offset + 16, length - 16);
            if (level == UdpPacketInfoNative.IpProtocolIp && type == UdpPacketInfoNative.IpPacketInfo && data.Length >= 12)
            {
                // struct in_pktinfo { int ipi_ifindex; in_addr ipi_spec_dst; in_addr ipi_addr; }: ipi_addr is the header's destination.
                local = (UInt128)0xFFFF << 32 | BinaryPrimitives.ReadUInt32BigEndian(data[8..]);
                return;
            }

            if (level == UdpPacketInfoNative.IpProtocolIPv6 && type == UdpPacketInfoNative.IPv6PacketInfo && data.Length >= 16)
            {
                local = BinaryPrimitives.ReadUInt128BigEndian(data);
                return;
            }

            offset += (length + 7) & ~7;
        }
    }
}
