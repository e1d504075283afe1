using System.Net;

namespace Parley.Media.Tests;

/// <summary>Which address an SDP answer advertises (docs/media.md, "The address in c=").</summary>
public sealed class MediaEngineAdvertisedAddressTests
{
    [Theory]
    [InlineData("0.0.0.0", null, "127.0.0.2", "127.0.0.2")] // wildcard: where the call arrived
    [InlineData("0.0.0.0", null, "::ffff:127.0.0.2", "127.0.0.2")] // arrived on a dual-mode SIP socket
    [InlineData("::", null, "2001:db8::5", "2001:db8::5")] // dual-stack RTP reaches IPv6 too
    [InlineData("0.0.0.0", null, "2001:db8::5", "127.0.0.1")] // IPv4-only RTP cannot be reached on IPv6
    [InlineData("0.0.0.0", null, "0.0.0.0", "127.0.0.1")] // arrival unknown
    [InlineData("0.0.0.0", null, null, "127.0.0.1")]
    [InlineData("0.0.0.0", "203.0.113.7", "127.0.0.2", "203.0.113.7")] // configured (NAT) wins
    [InlineData("127.0.0.1", null, "127.0.0.2", "127.0.0.1")] // RTP listens only on its bind address
    public async Task AdvertisedAddressFor_FollowsTheRule(string bind, string? configured, string? arrivedOn, string expected)
    {
        await using var engine = new MediaEngine(new MediaOptions { BindAddress = bind, AdvertisedAddress = configured, AutoStartClock = false });

        var advertised = engine.AdvertisedAddressFor(arrivedOn is null ? null : IPAddress.Parse(arrivedOn));

        Assert.Equal(IPAddress.Parse(expected), advertised);
    }
}
