namespace Parley.Sip.Auth;

/// <summary>Looks up SIP credentials; the server implements it per tenant (SIP passwords, not web passwords).</summary>
public interface ISipCredentialStore
{
    /// <summary>The credential for a user in a realm, or null when unknown.</summary>
    ValueTask<SipCredential?> FindAsync(string realm, string username, CancellationToken cancellationToken);
}
