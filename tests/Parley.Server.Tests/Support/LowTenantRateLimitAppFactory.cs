namespace Parley.Server.Tests.Support;

/// <summary>A server whose per-tenant token bucket holds only a few requests (per-IP limits stay high).</summary>
public sealed class LowTenantRateLimitAppFactory : ParleyAppFactory
{
    public const int Burst = 6;

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("Parley:RateLimits:PerTenantPerSecond", "1"),
        new("Parley:RateLimits:PerTenantBurst", Burst.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}
