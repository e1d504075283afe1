using System.Collections.Frozen;
using System.Net;
using Parley.Server.Sip;
using Parley.Server.Voice;
using Parley.Sip.Admission;
using Parley.Sip.Messages;
using Parley.Voice.Numbers;

namespace Parley.Server.Tests.Sip;

/// <summary>How the number directory maps a new INVITE to the tenant (by slug) and trunk (by id) it counts against.</summary>
public sealed class SipAdmissionScopesTests
{
    private static readonly Guid Acme = Guid.NewGuid();
    private static readonly Guid Beta = Guid.NewGuid();
    private static readonly SipAdmissionLimit AcmeLimit = new() { CallsPerSecond = 1, MaxConcurrentCalls = 5 };
    private static readonly DirectoryTrunk AcmeTrunk = Trunk(Acme, "acme", "198.51.100.0/24", AcmeLimit);
    private static readonly DirectoryTrunk BetaTrunk = Trunk(Beta, "beta", "203.0.113.7/32", null);
    private static readonly NumberDirectorySnapshot Snapshot = new(
        new Dictionary<string, DirectoryNumber>
        {
            ["+15550100"] = new(Guid.NewGuid(), Acme, "acme", InboundTargetKind.Queue, null),
            ["+15550200"] = new(Guid.NewGuid(), Beta, "beta", InboundTargetKind.Queue, null),
        }.ToFrozenDictionary(StringComparer.Ordinal),
        [AcmeTrunk, BetaTrunk],
        0,
        DateTimeOffset.MaxValue);

    [Fact]
    public void ANumberCalledFromItsTenantsTrunk_CountsAgainstThatTrunkWithItsLimits_AndTheTenantBySlug()
    {
        var scope = SipAdmissionScopes.FromDirectory(Snapshot, Invite("sip:+15550100@127.0.0.1"), IPAddress.Parse("198.51.100.9"));

        Assert.Equal("acme", scope.Tenant);
        Assert.Equal(AcmeTrunk.Id.ToString("D"), scope.Trunk);
        Assert.Same(AcmeLimit, scope.TrunkLimit);
    }

    [Fact]
    public void ATrunkWithoutOwnLimits_LeavesTheConfiguredPerTrunkDefault()
    {
        var scope = SipAdmissionScopes.FromDirectory(Snapshot, Invite("sip:+15550200@127.0.0.1"), IPAddress.Parse("::ffff:203.0.113.7"));

        Assert.Equal(new SipAdmissionScope("beta", BetaTrunk.Id.ToString("D"), null), scope);
    }

    [Fact]
    public void ANumberCalledFromAnotherTenantsTrunk_CountsAgainstTheNumbersTenantOnly()
    {
        var scope = SipAdmissionScopes.FromDirectory(Snapshot, Invite("sip:+15550200@127.0.0.1"), IPAddress.Parse("198.51.100.9"));

        Assert.Equal(new SipAdmissionScope("beta"), scope);
    }

    [Fact]
    public void AnUnknownNumberFromOneTrunksAddress_CountsAgainstThatTrunk_AndFromNoTrunk_AgainstNothing()
    {
        var fromTrunk = SipAdmissionScopes.FromDirectory(Snapshot, Invite("sip:+15559999@127.0.0.1"), IPAddress.Parse("198.51.100.9"));
        var fromStranger = SipAdmissionScopes.FromDirectory(Snapshot, Invite("sip:+15559999@127.0.0.1"), IPAddress.Parse("192.0.2.1"));

        Assert.Equal(AcmeTrunk.Id.ToString("D"), fromTrunk.Trunk);
        Assert.Equal(SipAdmissionScope.NodeOnly, fromStranger);
    }

    private static DirectoryTrunk Trunk(Guid tenant, string slug, string block, SipAdmissionLimit? limit) =>
        new(Guid.NewGuid(), tenant, slug, [IPNetwork.Parse(block)], null, null, null, null, NumberingRule.None, limit);

    private static SipRequest Invite(string uri) =>
        (SipRequest)new Parley.Sip.Parsing.SipParser().ParseDatagram(System.Text.Encoding.ASCII.GetBytes(
            $"INVITE {uri} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5062;branch=z9hG4bKscope\r\nMax-Forwards: 70\r\n"
            + $"From: <sip:carrier@carrier.example>;tag=1\r\nTo: <{uri}>\r\nCall-ID: scope@test\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n"));
}
