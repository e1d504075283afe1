using Parley.Sip.Auth;

namespace Parley.Sip.Tests.Support;

public sealed class InMemoryCredentialStore : ISipCredentialStore
{
    public Dictionary<string, SipCredential> Users { get; } = new(StringComparer.Ordinal);

    public ValueTask<SipCredential?> FindAsync(string realm, string username, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Users.TryGetValue(username, out var c) ? c : null);
}
