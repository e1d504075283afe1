using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Acd;

/// <summary>The demo server with webhooks allowed to reach a local receiver over http and retrying after 10 s.</summary>
public class AcdAppFactory : ParleyAppFactory
{
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(10);

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("Parley:Webhooks:AllowPrivateTargets", "true"),
        new("Parley:Webhooks:AllowInsecureHttp", "true"),
        new("Parley:Webhooks:FirstRetryDelay", "00:00:10"),
        new("Parley:Webhooks:MaxAttempts", "3"),
        new("Parley:RateLimits:Enabled", "false"),
    ];
}
