using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Voice.Http;

/// <summary>A server with the production SSRF rules: public https targets only.</summary>
public sealed class StrictOutboundAppFactory : ParleyAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [new("Parley:Webhooks:AllowPrivateTargets", "false"), new("Parley:Webhooks:AllowInsecureHttp", "false")];
}
