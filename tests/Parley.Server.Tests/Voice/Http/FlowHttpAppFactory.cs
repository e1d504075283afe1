using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Voice.Http;

/// <summary>A server whose outbound requests may reach loopback over plain http (the webhook test switches), for a backend on loopback.</summary>
public sealed class FlowHttpAppFactory : ParleyAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [new("Parley:Webhooks:AllowPrivateTargets", "true"), new("Parley:Webhooks:AllowInsecureHttp", "true")];
}
