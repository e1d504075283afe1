using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Options;

/// <summary>
/// <c>Parley:CredentialLimits</c>: how many wrong credentials (sign-in passwords, OAuth client secrets) are checked
/// before the server refuses to check more. Each limit is a bucket of failures that refills one failure per interval;
/// a success gives its failure back. Per source address (IPv6: per /64), per account and source (a user name in a
/// tenant, from one address) and per account from all sources. The per-account bucket must be larger and refill
/// faster than the per-account-and-source one, so one address can never empty it and lock out a user who signs in from
/// elsewhere. Counters live in each node's memory.
/// </summary>
public sealed class CredentialLimitOptions : IValidatableObject
{
    public const string Section = "Parley:CredentialLimits";

    /// <summary>Wrong credentials of any account (and client secrets) from one address before it is slowed (default 20).</summary>
    [Range(1, 100_000)]
    public int PerSourceBurst { get; set; } = 20;

    /// <summary>One more wrong credential from the address is checked per interval once the burst is spent (default 15 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan PerSourceInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Wrong passwords of one account from one address before that address is locked out of it (default 5).</summary>
    [Range(1, 1000)]
    public int PerAccountAndSourceBurst { get; set; } = 5;

    /// <summary>One more guess at the account from that address per interval once locked (default 3 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan PerAccountAndSourceInterval { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Wrong passwords of one account from all addresses before every address is slowed (default 20).</summary>
    [Range(1, 100_000)]
    public int PerAccountBurst { get; set; } = 20;

    /// <summary>One more guess at the account per interval once its burst is spent (default 30 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan PerAccountInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>At most this many counters are kept; full (forgiven) ones are dropped first (default 100,000).</summary>
    [Range(100, 10_000_000)]
    public int MaxCounters { get; set; } = 100_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PerAccountBurst <= PerAccountAndSourceBurst || PerAccountInterval >= PerAccountAndSourceInterval)
        {
            yield return new ValidationResult(
                "PerAccountBurst must be larger and PerAccountInterval shorter than the per-account-and-source values, or one address could lock an account for everyone.",
                [nameof(PerAccountBurst), nameof(PerAccountInterval)]);
        }
    }
}
