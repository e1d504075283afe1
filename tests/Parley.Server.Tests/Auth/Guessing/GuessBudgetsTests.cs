using System.Net;
using Microsoft.Extensions.Time.Testing;
using Parley.Server.Auth.Guessing;
using Parley.Server.Options;

namespace Parley.Server.Tests.Auth.Guessing;

/// <summary>The failure budgets alone, on a fake clock, with the default limits.</summary>
public sealed class GuessBudgetsTests
{
    private static readonly IPAddress Attacker = IPAddress.Parse("203.0.113.10");
    private static readonly IPAddress User = IPAddress.Parse("198.51.100.20");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));
    private readonly GuessBudgets _budgets;

    public GuessBudgetsTests() => _budgets = new GuessBudgets(_time, Microsoft.Extensions.Options.Options.Create(new CredentialLimitOptions()));

    [Fact]
    public void ParallelGuesses_AtOneAccount_AreAdmittedNoMoreThanTheBudgetHolds()
    {
        var budget = _budgets.ForSignIn(Attacker, "demo", "admin");
        var admitted = 0;
        Parallel.For(0, 200, _ =>
        {
            if (_budgets.TryBegin(budget).Admitted)
            {
                Interlocked.Increment(ref admitted);
            }
        });

        Assert.Equal(new CredentialLimitOptions().PerAccountAndSourceBurst, admitted);
    }

    [Fact]
    public void OneAddressGuessingForTwoHours_NeverLocksTheAccountForAnotherAddress()
    {
        for (var second = 0; second < 2 * 3600; second += 5)
        {
            _budgets.TryBegin(_budgets.ForSignIn(Attacker, "demo", "operator"));
            _time.Advance(TimeSpan.FromSeconds(5));
            if (second % 600 == 0)
            {
                var fromElsewhere = _budgets.ForSignIn(User, "demo", "operator");
                Assert.True(_budgets.TryBegin(fromElsewhere).Admitted, $"refused after {second} s");
                _budgets.Refund(fromElsewhere);
            }
        }
    }

    [Fact]
    public void ALockedAddress_GetsOneMoreGuessPerInterval_AndIsToldWhen()
    {
        var budget = _budgets.ForSignIn(Attacker, "demo", "agent1");
        for (var i = 0; i < 5; i++)
        {
            Assert.True(_budgets.TryBegin(budget).Admitted);
        }

        var refused = _budgets.TryBegin(budget);
        Assert.Equal((false, GuessScope.Account, TimeSpan.FromMinutes(3)), (refused.Admitted, refused.RefusedBy, refused.RetryAfter));
        _time.Advance(TimeSpan.FromMinutes(3));
        Assert.True(_budgets.TryBegin(budget).Admitted);
        Assert.False(_budgets.TryBegin(budget).Admitted);
    }

    [Fact]
    public void RightGuesses_GiveTheirFailureBack()
    {
        var budget = _budgets.ForSignIn(User, "demo", "agent2");
        for (var i = 0; i < 50; i++)
        {
            Assert.True(_budgets.TryBegin(budget).Admitted);
            _budgets.Refund(budget);
        }
    }

    [Fact]
    public void SprayingManyAccounts_FromOneAddress_IsSlowedBySourceBudget_AndAnotherAddressIsNot()
    {
        for (var i = 0; i < 20; i++)
        {
            Assert.True(_budgets.TryBegin(_budgets.ForSignIn(Attacker, "demo", $"user{i}")).Admitted);
        }

        var refused = _budgets.TryBegin(_budgets.ForSignIn(Attacker, "demo", "user20"));
        Assert.Equal((false, GuessScope.Source), (refused.Admitted, refused.RefusedBy));
        Assert.True(_budgets.TryBegin(_budgets.ForSignIn(User, "demo", "user20")).Admitted);
        Assert.False(_budgets.TryBegin(_budgets.ForClient(Attacker)).Admitted);
    }

    [Fact]
    public void IPv6Addresses_InOneSlash64_ShareTheSourceBudget()
    {
        for (var i = 0; i < 20; i++)
        {
            Assert.True(_budgets.TryBegin(_budgets.ForClient(IPAddress.Parse($"2001:db8:1:2::{i + 1:x}"))).Admitted);
        }

        Assert.False(_budgets.TryBegin(_budgets.ForClient(IPAddress.Parse("2001:db8:1:2:ffff::1"))).Admitted);
        Assert.True(_budgets.TryBegin(_budgets.ForClient(IPAddress.Parse("2001:db8:1:3::1"))).Admitted);
    }

    [Fact]
    public void LimitsWhereOneAddressCouldEmptyTheAccountBudget_AreRejectedAtStartUp()
    {
        var options = new CredentialLimitOptions { PerAccountBurst = 5, PerAccountAndSourceBurst = 5 };
        Assert.NotEmpty(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
        Assert.Empty(new CredentialLimitOptions().Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
    }
}
