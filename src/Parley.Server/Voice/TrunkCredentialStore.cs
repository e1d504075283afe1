using Parley.Sip.Auth;

namespace Parley.Server.Voice;

/// <summary>The inbound digest credentials of trunks (HA1 only), from the loaded <see cref="NumberDirectory"/>.</summary>
internal sealed class TrunkCredentialStore(NumberDirectory directory) : ISipCredentialStore
{
    public async ValueTask<SipCredential?> FindAsync(string realm, string username, CancellationToken cancellationToken)
    {
        var snapshot = await directory.GetAsync(cancellationToken).ConfigureAwait(false);
        return snapshot.InboundCredential(realm, username) is { } trunk
            ? new SipCredential(trunk.TenantId.ToString(), null, trunk.InboundHa1Md5, trunk.InboundHa1Sha256)
            : null;
    }
}
