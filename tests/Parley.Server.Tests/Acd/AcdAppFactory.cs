using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Acd;

/// <summary>The demo server with webhooks allowed to reach a local receiver over http, retrying after 10 s, attempts timed out after 5 min (fake clock).</summary>
public class AcdAppFactory : ParleyAppFactory
{
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(10);

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("Parley:Webhooks:AllowPrivateTargets", "true"),
        new("Parley:Webhooks:AllowInsecureHttp", "true"),
        new("Parley:Webhooks:FirstRetryDelay", "00:00:10"),
        new("Parley:Webhooks:MaxAttempts", "3"),
        // Attempts are timed on the fake clock: tests advance it by 10–80 s at a time to make retries due, which must
        // not time out a request that happens to be in flight.
        new("Parley:Webhooks:RequestTimeout", "00:05:00"),
        new("Parley:RateLimits:Enabled", "false"),
    ];
}
