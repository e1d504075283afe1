using System.Net;
using System.Net.Sockets;

namespace Parley.Server.Net;

/// <summary>
/// Which addresses an outbound request of the server (webhooks today, the IVR's HTTP block later) may reach: only
/// public unicast ones. The tables are the IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890, as
/// updated to 2024) — every block, whatever its "Globally Reachable" column says — plus multicast, and for IPv6
/// everything outside global unicast (<c>2000::/3</c>). Addresses that carry an IPv4 address (IPv4-mapped,
/// IPv4-compatible, NAT64 <c>64:ff9b::/96</c>, 6to4 and Teredo) are judged by the IPv4 addresses they carry.
/// </summary>
public static class SpecialPurposeAddresses
{
    /// <summary>The IPv4 blocks refused.</summary>
    public static IReadOnlyList<SpecialPurposeRange> IPv4 { get; } =
    [
        SpecialPurposeRange.Of("0.0.0.0/8", "\"This network\"", "RFC 791"),
        SpecialPurposeRange.Of("10.0.0.0/8", "Private-Use", "RFC 1918"),
        SpecialPurposeRange.Of("100.64.0.0/10", "Shared Address Space (CGNAT)", "RFC 6598"),
        SpecialPurposeRange.Of("127.0.0.0/8", "Loopback", "RFC 1122"),
        SpecialPurposeRange.Of("169.254.0.0/16", "Link Local", "RFC 3927"),
        SpecialPurposeRange.Of("172.16.0.0/12", "Private-Use", "RFC 1918"),
        SpecialPurposeRange.Of("192.0.0.0/24", "IETF Protocol Assignments (DS-Lite, PCP/TURN anycast, NAT64 discovery)", "RFC 6890"),
        SpecialPurposeRange.Of("192.0.2.0/24", "Documentation (TEST-NET-1)", "RFC 5737"),
        SpecialPurposeRange.Of("192.31.196.0/24", "AS112-v4", "RFC 7535"),
        SpecialPurposeRange.Of("192.52.193.0/24", "AMT", "RFC 7450"),
        SpecialPurposeRange.Of("192.88.99.0/24", "Deprecated (6to4 Relay Anycast)", "RFC 7526"),
        SpecialPurposeRange.Of("192.168.0.0/16", "Private-Use", "RFC 1918"),
        SpecialPurposeRange.Of("192.175.48.0/24", "Direct Delegation AS112 Service", "RFC 7534"),
        SpecialPurposeRange.Of("198.18.0.0/15", "Benchmarking", "RFC 2544"),
        SpecialPurposeRange.Of("198.51.100.0/24", "Documentation (TEST-NET-2)", "RFC 5737"),
        SpecialPurposeRange.Of("203.0.113.0/24", "Documentation (TEST-NET-3)", "RFC 5737"),
        SpecialPurposeRange.Of("224.0.0.0/4", "Multicast", "RFC 5771"),
        SpecialPurposeRange.Of("240.0.0.0/4", "Reserved", "RFC 1112"),
        SpecialPurposeRange.Of("255.255.255.255/32", "Limited Broadcast", "RFC 919"),
    ];

    /// <summary>
    /// The IPv6 blocks refused. The forms that carry an IPv4 address (<see cref="EmbeddedIPv4"/>) are judged before
    /// this table, so Teredo is not refused by the <c>2001::/23</c> row when both of its IPv4 addresses are public.
    /// </summary>
    public static IReadOnlyList<SpecialPurposeRange> IPv6 { get; } =
    [
        SpecialPurposeRange.Of("::/128", "Unspecified Address", "RFC 4291"),
        SpecialPurposeRange.Of("::1/128", "Loopback Address", "RFC 4291"),
        SpecialPurposeRange.Of("64:ff9b:1::/48", "IPv4-IPv6 Translation, local use", "RFC 8215"),
        SpecialPurposeRange.Of("100::/64", "Discard-Only Address Block", "RFC 6666"),
        SpecialPurposeRange.Of("100:0:0:1::/64", "Dummy IPv6 Prefix", "RFC 9780"),
        SpecialPurposeRange.Of("2001::/23", "IETF Protocol Assignments (benchmarking, ORCHID, AMT, AS112, …)", "RFC 2928"),
        SpecialPurposeRange.Of("2001:db8::/32", "Documentation", "RFC 3849"),
        SpecialPurposeRange.Of("2620:4f:8000::/48", "Direct Delegation AS112 Service", "RFC 7534"),
        SpecialPurposeRange.Of("3fff::/20", "Documentation", "RFC 9637"),
        SpecialPurposeRange.Of("5f00::/16", "Segment Routing (SRv6) SIDs", "RFC 9602"),
        SpecialPurposeRange.Of("fc00::/7", "Unique-Local", "RFC 4193"),
        SpecialPurposeRange.Of("fe80::/10", "Link-Local Unicast", "RFC 4291"),
        SpecialPurposeRange.Of("fec0::/10", "Site-Local (deprecated)", "RFC 3879"),
        SpecialPurposeRange.Of("ff00::/8", "Multicast", "RFC 4291"),
    ];

    private static readonly SpecialPurposeRange GlobalUnicast = SpecialPurposeRange.Of("2000::/3", "Global Unicast", "RFC 4291");
    private static readonly SpecialPurposeRange NotGlobalUnicast = new(GlobalUnicast.Network, "Outside global unicast (2000::/3)", "RFC 4291");

    /// <summary>True when a request to <paramref name="address"/> reaches the public internet and nothing else.</summary>
    public static bool IsPublic(IPAddress address) => FindRefusal(address) is null;

    /// <summary>The block that makes <paramref name="address"/> refused (for an embedded form, the IPv4 address's block), or null if it is public.</summary>
    public static SpecialPurposeRange? FindRefusal(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return Match(IPv4, address);
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return NotGlobalUnicast;
        }

        if (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6Loopback))
        {
            return Match(IPv6, address);
        }

        var embedded = EmbeddedIPv4(address);
        if (embedded.Count > 0)
        {
            return embedded.Select(a => Match(IPv4, a)).FirstOrDefault(r => r is not null);
        }

        return Match(IPv6, address) ?? (GlobalUnicast.Network.Contains(address) ? null : NotGlobalUnicast);
    }

    /// <summary>
    /// The IPv4 addresses an IPv6 address carries: IPv4-mapped <c>::ffff:a.b.c.d</c>, IPv4-compatible <c>::a.b.c.d</c>
    /// (deprecated, RFC 4291), NAT64 well-known prefix <c>64:ff9b::a.b.c.d</c> (RFC 6052), 6to4 <c>2002:AABB:CCDD::</c>
    /// (RFC 3056) and Teredo <c>2001:0::/32</c> (RFC 4380: the server's address in bits 32–63, the client's in the last
    /// 32 bits with every bit inverted). Empty for any other address.
    /// </summary>
    public static IReadOnlyList<IPAddress> EmbeddedIPv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return [];
        }

        Span<byte> b = stackalloc byte[16];
        address.TryWriteBytes(b, out _);
        if (address.IsIPv4MappedToIPv6 || IsZero(b[..12]) || (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && IsZero(b[4..12])))
        {
            return [new IPAddress(b[12..16])];
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return [new IPAddress(b[2..6])];
        }

        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00)
        {
            Span<byte> client = stackalloc byte[4];
            for (var i = 0; i < 4; i++)
            {
                client[i] = (byte)~b[12 + i];
            }

            return [new IPAddress(b[4..8]), new IPAddress(client)];
        }

        return [];
    }

    private static SpecialPurposeRange? Match(IReadOnlyList<SpecialPurposeRange> table, IPAddress address)
    {
        foreach (var range in table)
        {
            if (range.Network.Contains(address))
            {
                return range;
            }
        }

        return null;
    }

    private static bool IsZero(ReadOnlySpan<byte> bytes) => !bytes.ContainsAnyExcept((byte)0);
}
