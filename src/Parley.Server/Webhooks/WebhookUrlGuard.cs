using System.Net;
using Microsoft.Extensions.Options;
using Parley.Server.Net;

namespace Parley.Server.Webhooks;

/// <summary>
/// Refuses webhook targets that are not public unicast addresses (<see cref="SpecialPurposeAddresses"/>: server-side
/// request forgery), both when a subscription is made and at every connection (<see cref="GuardedConnect"/>).
/// </summary>
public sealed class WebhookUrlGuard(IOptions<WebhookOptions> options)
{
    public OutboundTargetRules Rules => new(options.Value.AllowPrivateTargets, options.Value.AllowInsecureHttp);

    /// <summary>Null when the URL may be used; otherwise why not.</summary>
    public Task<string?> CheckAsync(string url, CancellationToken cancellationToken) => OutboundUrls.CheckAsync(url, Rules, cancellationToken);

    public bool IsAllowed(IPAddress address) => Rules.IsAllowed(address);
}
