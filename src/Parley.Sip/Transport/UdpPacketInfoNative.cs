using System.Runtime.InteropServices;

namespace Parley.Sip.Transport;

/// <summary>
/// <c>recvmsg</c> with <c>IP_PKTINFO</c>/<c>IPV6_PKTINFO</c> on Linux (64-bit layouts): a wildcard-bound UDP socket
/// learns which local address each datagram was sent to, without the allocations of <c>Socket.ReceiveMessageFrom</c>.
/// </summary>
internal static unsafe partial class UdpPacketInfoNative
{
    public const int IpProtocolIp = 0;
    public const int IpPacketInfo = 8;
    public const int IpProtocolIPv6 = 41;
    public const int IPv6PacketInfo = 50;
    public const int MessageTruncated = 0x20;
    public const int EIntr = 4;
    public const int EAgain = 11;
    public const int EConnRefused = 111;

    /// <summary>Room for one <c>in_pktinfo</c> and one <c>in6_pktinfo</c> control message.</summary>
    public const int ControlLength = 128;

    public static bool IsSupported => OperatingSystem.IsLinux() && IntPtr.Size == 8;

    [LibraryImport("libc", EntryPoint = "recvmsg", SetLastError = true)]
    public static partial nint RecvMsg(int fd, MessageHeader* message, int flags);

    /// <summary><c>struct msghdr</c> (LP64).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct MessageHeader
    {
        public byte* Name;
        public uint NameLength;
        public IoVector* Vectors;
        public nuint VectorCount;
        public byte* Control;
        public nuint ControlLength;
        public int Flags;
    }

    /// <summary><c>struct iovec</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct IoVector
    {
        public byte* Base;
        public nuint Length;
    }
}
