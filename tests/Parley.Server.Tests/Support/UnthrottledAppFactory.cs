namespace Parley.Server.Tests.Support;

/// <summary>
/// A server whose rate limits no test sweep reaches: the endpoint isolation sweep sends a few thousand requests from one
/// address as fast as the machine allows, and on a fast machine the default per-IP bucket (1,000) answered 429 where the
/// sweep checks for 401/403/404.
/// </summary>
public sealed class UnthrottledAppFactory : ParleyAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("Parley:RateLimits:PerIpPerSecond", "1000000"),
        new("Parley:RateLimits:PerIpBurst", "1000000"),
        new("Parley:RateLimits:PerTenantPerSecond", "1000000"),
        new("Parley:RateLimits:PerTenantBurst", "1000000"),
    ];
}
