using System.Net;
using Microsoft.Extensions.Time.Testing;
using Parley.Sip.Defence;
using Parley.Sip.Transactions;

namespace Parley.Sip.Tests.Defence;

public sealed class SipAuthGuardTests
{
    private const string Alice = "alice@parley.test";
    private static readonly IPAddress Attacker = IPAddress.Parse("203.0.113.5");
    private static readonly IPAddress Office = IPAddress.Parse("198.51.100.7");
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void TheTenthFailureInFiveMinutes_BlocksTheSourceForThatAccountOnly()
    {
        var guard = new SipAuthGuard(new SipDefenceOptions(), _time);

        var blocks = Enumerable.Range(0, 10).Select(_ => guard.RecordFailure(Attacker, Alice)).ToList();

        Assert.All(blocks.Take(9), Assert.Null);
        var block = Assert.IsType<SipAuthBlock>(blocks[9]);
        Assert.Equal((SipAuthBlockScope.Account, Alice, 10, TimeSpan.FromMinutes(15)), (block.Scope, block.Account, block.Failures, block.CoolDown));
        Assert.Equal(SipAuthBlockScope.Account, guard.Begin(Attacker, Alice));
        Assert.Null(guard.Begin(Attacker, "bob@parley.test"));
        Assert.Null(guard.Begin(Office, Alice));
    }

    [Fact]
    public void ParallelAttempts_GetNoMoreAnswersCheckedThanTheLimit_UntilOneIsRefunded()
    {
        var guard = new SipAuthGuard(new SipDefenceOptions(), _time);

        var admitted = Enumerable.Range(0, 15).Count(_ => guard.Begin(Attacker, Alice) is null);
        guard.Refund(Attacker, Alice);

        Assert.Equal(10, admitted);
        Assert.Null(guard.Begin(Attacker, Alice));
        Assert.Equal(SipAuthBlockScope.Account, guard.Begin(Attacker, Alice));
        Assert.Equal(6, guard.Refusals);
    }

    [Fact]
    public void Loopback_IsCountedAndBlockedLikeAnyOtherSource()
    {
        var options = new SipDefenceOptions { TrustLoopback = true };
        options.TrustedAddresses.Add(IPAddress.Loopback);
        var guard = new SipAuthGuard(options, _time);

        for (var i = 0; i < 10; i++)
        {
            guard.RecordFailure(IPAddress.Loopback, Alice);
        }

        Assert.Equal(SipAuthBlockScope.Account, guard.Begin(IPAddress.Loopback, Alice));
        Assert.Equal(SipAuthBlockScope.Account, guard.Begin(IPAddress.Parse("::ffff:127.0.0.1"), Alice));
    }

    [Fact]
    public void FailuresSpreadOverMoreThanTheWindow_NeverBlock()
    {
        var guard = new SipAuthGuard(new SipDefenceOptions(), _time);

        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 9; i++)
            {
                Assert.Null(guard.RecordFailure(Attacker, Alice));
            }

            _time.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Null(guard.Begin(Attacker, Alice));
    }

    [Fact]
    public void ABlock_EndsAfterTheConfiguredCoolDown_AndCountingStartsAgain()
    {
        var guard = new SipAuthGuard(new SipDefenceOptions { AuthMaxFailures = 3, AuthCoolDown = TimeSpan.FromMinutes(2) }, _time);
        for (var i = 0; i < 3; i++)
        {
            guard.RecordFailure(Attacker, Alice);
        }

        _time.Advance(TimeSpan.FromSeconds(119));
        var during = guard.Begin(Attacker, Alice);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(SipAuthBlockScope.Account, during);
        Assert.Null(guard.Begin(Attacker, Alice));
        Assert.Null(guard.RecordFailure(Attacker, Alice));
    }

    [Fact]
    public void FailuresOnTenAccounts_BlockTheSourceForEveryAccount_AndNoOtherSource()
    {
        var guard = new SipAuthGuard(new SipDefenceOptions(), _time);

        var blocks = Enumerable.Range(0, 10).Select(i => guard.RecordFailure(Attacker, $"user{i}@parley.test")).ToList();

        Assert.All(blocks.Take(9), Assert.Null);
        Assert.Equal(SipAuthBlockScope.Source, blocks[9]!.Scope);
        Assert.Equal("*", blocks[9]!.Account);
        Assert.Equal(SipAuthBlockScope.Source, guard.Begin(Attacker, "never-tried@parley.test"));
        Assert.Null(guard.Begin(Office, "user1@parley.test"));
    }

    [Fact]
    public void ARightAnswer_ForgetsThatAccountsFailures()
    {
        var guard = new SipAuthGuard(new SipDefenceOptions(), _time);
        for (var i = 0; i < 9; i++)
        {
            guard.RecordFailure(Office, Alice);
        }

        guard.RecordSuccess(Office, Alice);

        Assert.Null(guard.RecordFailure(Office, Alice));
        Assert.Null(guard.Begin(Office, Alice));
    }

    [Fact]
    public void IPv6Sources_InOneSlash64_ShareTheirCount()
    {
        var guard = new SipAuthGuard(new SipDefenceOptions(), _time);

        for (var i = 1; i <= 10; i++)
        {
            guard.RecordFailure(IPAddress.Parse($"2001:db8:1:2::{i:x}"), Alice);
        }

        Assert.Equal(SipAuthBlockScope.Account, guard.Begin(IPAddress.Parse("2001:db8:1:2:ffff::1"), Alice));
        Assert.Null(guard.Begin(IPAddress.Parse("2001:db8:1:3::1"), Alice));
    }

    [Fact]
    public void TheTables_StayWithinTheCap_AndExpiredEntriesAreSweptByTheStackScheduler()
    {
        var guard = new SipAuthGuard(new SipDefenceOptions { AuthMaxTrackedEntries = 100 }, _time);
        using var scheduler = new SipTimerScheduler(_time, TimeSpan.FromSeconds(1));
        guard.SweepOn(scheduler);

        for (var i = 0; i < 250; i++)
        {
            guard.RecordFailure(new IPAddress([10, 0, (byte)(i / 256), (byte)(i % 256)]), Alice);
        }

        Assert.Equal(200, guard.TrackedEntries);
        Assert.Equal(300, guard.Untracked); // 150 sources, not tracked in either table
        _time.Advance(TimeSpan.FromSeconds(295));
        Assert.Equal(200, guard.TrackedEntries); // sweeps ran every 30 s, but the window is not over
        _time.Advance(TimeSpan.FromSeconds(35));

        Assert.Equal(0, guard.TrackedEntries);
        Assert.Equal(1, scheduler.Pending); // the next sweep, and no timer per entry
    }
}
