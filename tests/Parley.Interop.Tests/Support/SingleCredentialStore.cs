using Parley.Sip.Auth;

namespace Parley.Interop.Tests.Support;

/// <summary>One SIP user in one realm.</summary>
internal sealed class SingleCredentialStore(string realm, string user, string password) : ISipCredentialStore
{
    public ValueTask<SipCredential?> FindAsync(string realm1, string username, CancellationToken cancellationToken) =>
        ValueTask.FromResult(realm1 == realm && username == user ? new SipCredential("interop", password) : null);
}
