using Parley.Sip.Auth;

namespace Parley.Bench.Sip;

/// <summary>One SIP user, for registration runs with a real softphone.</summary>
internal sealed class SingleUserCredentialStore(string user, string password) : ISipCredentialStore
{
    public ValueTask<SipCredential?> FindAsync(string realm, string username, CancellationToken cancellationToken) =>
        ValueTask.FromResult(username == user ? new SipCredential("bench", password) : null);
}
