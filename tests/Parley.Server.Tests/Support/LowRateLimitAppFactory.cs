namespace Parley.Server.Tests.Support;

/// <summary>A server whose per-IP token bucket holds only a few requests (per-tenant limits stay high).</summary>
public sealed class LowRateLimitAppFactory : ParleyAppFactory
{
    public const int Burst = 4;

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("Parley:RateLimits:PerIpPerSecond", "1"),
        new("Parley:RateLimits:PerIpBurst", Burst.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}
