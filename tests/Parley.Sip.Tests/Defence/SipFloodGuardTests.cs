using System.Net;
using Microsoft.Extensions.Time.Testing;
using Parley.Sip.Defence;

namespace Parley.Sip.Tests.Defence;

public sealed class SipFloodGuardTests
{
    private static readonly IPAddress Attacker = IPAddress.Parse("203.0.113.5");
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Admit_OverThreshold_BlocksForTheCoolDownThenAdmitsAgain()
    {
        var guard = new SipFloodGuard(new SipDefenceOptions { MaxMessagesPerWindow = 10, CoolDown = TimeSpan.FromSeconds(30) }, _time);

        var admitted = Enumerable.Range(0, 20).Count(_ => guard.Admit(Attacker));
        _time.Advance(TimeSpan.FromSeconds(29));
        var duringCoolDown = guard.Admit(Attacker);
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(10, admitted);
        Assert.False(duringCoolDown);
        Assert.True(guard.Admit(Attacker));
    }

    [Fact]
    public void Admit_TrustedAddress_IsNeverBlocked()
    {
        var options = new SipDefenceOptions { MaxMessagesPerWindow = 1 };
        options.TrustedAddresses.Add(Attacker);
        var guard = new SipFloodGuard(options, _time);

        Assert.All(Enumerable.Range(0, 100), _ => Assert.True(guard.Admit(Attacker)));
    }

    [Fact]
    public void Admit_SteadyRateUnderThreshold_IsNeverBlocked()
    {
        var guard = new SipFloodGuard(new SipDefenceOptions { MaxMessagesPerWindow = 5 }, _time);

        for (var second = 0; second < 10; second++)
        {
            Assert.All(Enumerable.Range(0, 5), _ => Assert.True(guard.Admit(Attacker)));
            _time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    [Theory]
    [InlineData("friendly-scanner", true)]
    [InlineData("sipvicious 0.3", true)]
    [InlineData("SIPCLI/v1.8", true)]
    [InlineData("Linphone/5.2", false)]
    [InlineData(null, false)]
    public void IsScanner_KnownScannerUserAgents_AreRecognised(string? userAgent, bool expected) =>
        Assert.Equal(expected, new SipFloodGuard(new SipDefenceOptions(), _time).IsScanner(userAgent));
}
