using System.Net;
using System.Net.Sockets;
using Parley.Server.Net;

namespace Parley.Server.Tests.Net;

/// <summary>The outbound-address guard against the IANA special-purpose registries, including IPv4 carried inside IPv6.</summary>
public sealed class SpecialPurposeAddressesTests
{
    [Theory]
    // IPv4 blocks the earlier guard let through.
    [InlineData("198.18.0.1", "Benchmarking")]
    [InlineData("198.19.255.255", "Benchmarking")]
    [InlineData("192.0.0.8", "IETF Protocol Assignments")]
    [InlineData("192.0.0.170", "IETF Protocol Assignments")]
    [InlineData("192.0.2.1", "TEST-NET-1")]
    [InlineData("198.51.100.7", "TEST-NET-2")]
    [InlineData("203.0.113.5", "TEST-NET-3")]
    [InlineData("240.0.0.1", "Reserved")]
    [InlineData("255.255.255.254", "Reserved")]
    [InlineData("192.88.99.1", "6to4 Relay")]
    [InlineData("192.31.196.1", "AS112")]
    [InlineData("192.52.193.1", "AMT")]
    // IPv4 blocks it already refused.
    [InlineData("0.0.0.0", "This network")]
    [InlineData("10.1.2.3", "Private-Use")]
    [InlineData("100.64.0.1", "Shared Address Space")]
    [InlineData("127.0.0.1", "Loopback")]
    [InlineData("169.254.169.254", "Link Local")]
    [InlineData("172.31.255.255", "Private-Use")]
    [InlineData("192.168.0.10", "Private-Use")]
    [InlineData("239.255.255.250", "Multicast")]
    [InlineData("255.255.255.255", "Reserved")]
    // IPv6 blocks.
    [InlineData("::", "Unspecified")]
    [InlineData("::1", "Loopback")]
    [InlineData("fe80::1", "Link-Local")]
    [InlineData("fd12:3456::1", "Unique-Local")]
    [InlineData("fec0::1", "Site-Local")]
    [InlineData("ff02::1", "Multicast")]
    [InlineData("100::1", "Discard-Only")]
    [InlineData("2001:2::1", "IETF Protocol Assignments")]
    [InlineData("2001:db8::1", "Documentation")]
    [InlineData("3fff::1", "Documentation")]
    [InlineData("5f00::1", "SRv6")]
    [InlineData("64:ff9b:1::808:808", "local use")]
    [InlineData("4000::1", "Outside global unicast")]
    // IPv4 carried in IPv6: judged by the IPv4 address.
    [InlineData("::ffff:10.0.0.1", "Private-Use")]
    [InlineData("::127.0.0.1", "Loopback")]
    [InlineData("::10.0.0.1", "Private-Use")]
    [InlineData("64:ff9b::7f00:1", "Loopback")]
    [InlineData("64:ff9b::a9fe:a9fe", "Link Local")]
    [InlineData("2002:7f00:1::1", "Loopback")]
    [InlineData("2002:c0a8:0101::1", "Private-Use")]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2", "TEST-NET-1")] // RFC 4380's example: client 192.0.2.45, XOR-ed
    [InlineData("2001:0:7f00:1:8000:63bf:f7f7:f7f7", "Loopback")] // Teredo server 127.0.0.1, client 8.8.8.8
    public void SpecialPurposeAddresses_AreRefused_NamingTheirBlock(string address, string block)
    {
        var refusal = SpecialPurposeAddresses.FindRefusal(IPAddress.Parse(address));

        Assert.NotNull(refusal);
        Assert.Contains(block, refusal.Name, StringComparison.OrdinalIgnoreCase);
        Assert.False(SpecialPurposeAddresses.IsPublic(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("1.1.1.1")]
    [InlineData("8.8.8.8")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("172.32.0.1")]
    [InlineData("192.0.1.255")]
    [InlineData("198.17.255.255")]
    [InlineData("198.20.0.0")]
    [InlineData("223.255.255.255")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2a00:1450:4001:81b::200e")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:808:808::1")]
    [InlineData("2001:0:4136:e378:8000:63bf:f7f7:f7f7")] // Teredo server 65.54.227.120, client 8.8.8.8
    public void PublicUnicastAddresses_AreAllowed(string address) =>
        Assert.True(SpecialPurposeAddresses.IsPublic(IPAddress.Parse(address)), $"{address} refused as {SpecialPurposeAddresses.FindRefusal(IPAddress.Parse(address))?.Name}");

    [Fact]
    public void Teredo_CarriesTheServerAndTheUnobfuscatedClientAddress()
    {
        var carried = SpecialPurposeAddresses.EmbeddedIPv4(IPAddress.Parse("2001:0:4136:e378:8000:63bf:3fff:fdd2"));

        Assert.Equal(["65.54.227.120", "192.0.2.45"], carried.Select(a => a.ToString()));
    }

    public static TheoryData<string> EveryTableRow() =>
        [.. SpecialPurposeAddresses.IPv4.Concat(SpecialPurposeAddresses.IPv6).Select(r => r.Network.ToString())];

    [Theory]
    [MemberData(nameof(EveryTableRow))]
    public void EveryTableRow_RefusesItsFirstAndLastAddress(string cidr)
    {
        var network = IPNetwork.Parse(cidr);
        var first = network.BaseAddress.GetAddressBytes();
        var last = (byte[])first.Clone();
        var hostBits = (first.Length * 8) - network.PrefixLength;
        for (var bit = 0; bit < hostBits; bit++)
        {
            last[last.Length - 1 - (bit / 8)] |= (byte)(1 << (bit % 8));
        }

        Assert.False(SpecialPurposeAddresses.IsPublic(new IPAddress(first)), $"{new IPAddress(first)} of {cidr}");
        Assert.False(SpecialPurposeAddresses.IsPublic(new IPAddress(last)), $"{new IPAddress(last)} of {cidr}");
        Assert.Equal(network.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? 4 : 16, first.Length);
    }

    [Theory]
    [InlineData("https://[64:ff9b::a00:7]/hook")]
    [InlineData("https://[2002:a00:7::1]/hook")]
    [InlineData("https://[::ffff:169.254.169.254]/latest/meta-data")]
    [InlineData("https://198.18.0.10/hook")]
    [InlineData("https://192.0.2.10/hook")]
    [InlineData("https://240.0.0.10/hook")]
    public async Task OutboundUrls_RefuseSpecialPurposeLiterals(string url)
    {
        var refused = await OutboundUrls.CheckAsync(url, new OutboundTargetRules(false, false), TestContext.Current.CancellationToken);

        Assert.NotNull(refused);
        Assert.Null(await OutboundUrls.CheckAsync(url, new OutboundTargetRules(AllowPrivateTargets: true, false), TestContext.Current.CancellationToken));
    }
}
