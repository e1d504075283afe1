namespace Parley.Server.Tests.Support;

/// <summary>A server configured with an out-of-range rate limit: it must refuse to start.</summary>
public sealed class InvalidOptionsAppFactory : ParleyAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("Parley:RateLimits:PerIpBurst", "0")];
}
