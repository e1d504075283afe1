using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Parley.Server.Options;

namespace Parley.Server.Auth.Guessing;

/// <summary>
/// Failure budgets for credential checks. A guess takes one failure from every budget it touches before it is checked,
/// all or nothing under one lock, so parallel guesses can never check more than the budgets hold; a guess that turns
/// out right gives them back. Buckets refill one failure per interval from the injected clock.
/// </summary>
public sealed class GuessBudgets(TimeProvider time, IOptions<CredentialLimitOptions> options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>The budgets of a sign-in: the source, the account from that source, and the account from anywhere.</summary>
    public IReadOnlyList<GuessBudget> ForSignIn(IPAddress? source, string tenant, string userName)
    {
        var limits = options.Value;
        var account = "a:" + tenant.ToLowerInvariant() + "/" + userName.ToUpperInvariant();
        var from = SourceKey(source);
        return
        [
            new("s:" + from, GuessScope.Source, limits.PerSourceBurst, limits.PerSourceInterval),
            new("p:" + from + "|" + account, GuessScope.Account, limits.PerAccountAndSourceBurst, limits.PerAccountAndSourceInterval),
            new(account, GuessScope.Account, limits.PerAccountBurst, limits.PerAccountInterval),
        ];
    }

    /// <summary>The budget of a client authentication (token or revocation endpoint): the source, shared with sign-ins.</summary>
    public IReadOnlyList<GuessBudget> ForClient(IPAddress? source)
    {
        var limits = options.Value;
        return [new("s:" + SourceKey(source), GuessScope.Source, limits.PerSourceBurst, limits.PerSourceInterval)];
    }

    /// <summary>Takes one failure from each budget, or none if any is empty.</summary>
    public GuessAdmission TryBegin(IReadOnlyList<GuessBudget> budgets)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            foreach (var budget in budgets)
            {
                var tokens = Refilled(budget, now);
                if (tokens < 1)
                {
                    var wait = budget.Interval * (1 - tokens);
                    return new GuessAdmission(false, budget.Scope, wait);
                }
            }

            if (_buckets.Count + budgets.Count > options.Value.MaxCounters)
            {
                DropForgiven(now);
            }

            foreach (var budget in budgets)
            {
                _buckets[budget.Key] = new Bucket(Refilled(budget, now) - 1, now);
            }

            return GuessAdmission.Admit;
        }
    }

    /// <summary>Gives back the failure a right guess took.</summary>
    public void Refund(IReadOnlyList<GuessBudget> budgets)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            foreach (var budget in budgets)
            {
                _buckets[budget.Key] = new Bucket(Math.Min(budget.Burst, Refilled(budget, now) + 1), now);
            }
        }
    }

    /// <summary>Forgets every failure counted against the account, from every source (an admin unlocked it).</summary>
    public void ForgiveAccount(string tenant, string userName)
    {
        var account = "a:" + tenant.ToLowerInvariant() + "/" + userName.ToUpperInvariant();
        lock (_lock)
        {
            foreach (var key in _buckets.Keys.Where(k => k == account || k.EndsWith("|" + account, StringComparison.Ordinal)).ToList())
            {
                _buckets.Remove(key);
            }
        }
    }

    /// <summary>IPv4 addresses count alone; IPv6 addresses by their /64, which one host usually holds whole.</summary>
    internal static string SourceKey(IPAddress? source)
    {
        if (source is null)
        {
            return "local";
        }

        if (source.IsIPv4MappedToIPv6)
        {
            source = source.MapToIPv4();
        }

        if (source.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return source.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        source.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes) + "/64";
    }

    private double Refilled(GuessBudget budget, DateTimeOffset now)
    {
        if (!_buckets.TryGetValue(budget.Key, out var bucket))
        {
            return budget.Burst;
        }

        var refill = (now - bucket.At) / budget.Interval;
        return Math.Min(budget.Burst, bucket.Tokens + Math.Max(0, refill));
    }

    private void DropForgiven(DateTimeOffset now)
    {
        // A bucket that has been quiet for a day is full again whatever its limits: dropping it changes nothing.
        foreach (var key in _buckets.Where(b => now - b.Value.At > TimeSpan.FromDays(1)).Select(b => b.Key).ToList())
        {
            _buckets.Remove(key);
        }

        if (_buckets.Count >= options.Value.MaxCounters)
        {
            // Still full: forget the oldest half rather than grow without bound (an attacker then gets fresh budgets
            // only after filling memory with a hundred thousand counters, which the per-source budget makes slow).
            foreach (var key in _buckets.OrderBy(b => b.Value.At).Take(_buckets.Count / 2).Select(b => b.Key).ToList())
            {
                _buckets.Remove(key);
            }
        }
    }

    private readonly record struct Bucket(double Tokens, DateTimeOffset At);
}
