using Microsoft.Extensions.Logging.Abstractions;
using Parley.Sip.Auth;
using Parley.Sip.Messages;

namespace Parley.Voice.Tests.Support;

/// <summary>
/// Two tenants' SIP users, each in its own realm (<c>a.sip.parley</c>: alice; <c>b.sip.parley</c>: bob), and an
/// authenticator that, like the server, challenges an INVITE in the caller's realm (the From host).
/// </summary>
internal sealed class TenantCredentials : ISipCredentialStore
{
    public const string RealmA = "a.sip.parley";
    public const string RealmB = "b.sip.parley";
    public const string Password = "Phone-Secret-2026";

    private static readonly Dictionary<(string Realm, string User), SipCredential> Users = new()
    {
        [(RealmA, "alice")] = new SipCredential("tenant-a", Password, null, null),
        [(RealmB, "bob")] = new SipCredential("tenant-b", Password, null, null),
    };

    public static SipDigestAuthenticator CreateAuthenticator() => new(
        new SipDigestOptions { RealmSelector = r => r.Method == SipMethods.Invite ? r.From.Uri.Host : null },
        new TenantCredentials(),
        TimeProvider.System,
        NullLogger.Instance);

    public ValueTask<SipCredential?> FindAsync(string realm, string username, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Users.TryGetValue((realm, username), out var credential) ? credential : null);
}
