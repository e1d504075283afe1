using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Parley.Sip.Auth;
using Parley.Sip.Messages;
using Parley.Sip.Registrar;
using Parley.Sip.Tests.Support;

namespace Parley.Sip.Tests.Auth;

/// <summary>Per-request realms (one per tenant domain), MD5-only challenges for old libre, and AOR ownership.</summary>
public sealed class SipDigestRealmTests
{
    private static readonly IPAddress Source = IPAddress.Parse("192.0.2.10");
    private readonly FakeTimeProvider _time = new();
    private readonly InMemoryCredentialStore _store = new();
    private readonly SipDigestAuthenticator _auth;

    public SipDigestRealmTests()
    {
        _store.Users["alice"] = new SipCredential("tenant-a", "secret");
        _store.Users["echo"] = new SipCredential("tenant-a", "echo-secret");
        _auth = new SipDigestAuthenticator(new SipDigestOptions { RealmSelector = r => r.To.Uri.Host }, _store, _time, NullLogger.Instance);
    }

    [Fact]
    public async Task Challenge_UsesTheRealmTheSelectorPicks()
    {
        var result = await _auth.AuthenticateAsync(TestMessages.Request("REGISTER"), Source, TestContext.Current.CancellationToken);

        Assert.All(Challenges(result.Challenge!), c => Assert.Contains("realm=\"parley.test\"", c, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Baresip1_GetsOnlyTheMd5Challenge()
    {
        var request = TestMessages.Request("REGISTER");
        request.Headers.Add(SipHeaderKind.UserAgent, "baresip v1.0.0 (x86_64/linux)");

        var result = await _auth.AuthenticateAsync(request, Source, TestContext.Current.CancellationToken);

        var challenge = Assert.Single(Challenges(result.Challenge!));
        Assert.Contains("algorithm=MD5", challenge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_ForAnotherUsersAddressOfRecord_Gets403()
    {
        var registrar = new SipRegistrar(new SipRegistrarOptions(), _auth, _time, NullLogger.Instance);

        var response = await registrar.HandleAsync(await AnsweredAsync("alice", "secret"), new FakeFlow(), TestContext.Current.CancellationToken);

        Assert.Equal(403, response.StatusCode);
        Assert.Empty(await registrar.LookupAsync("sip:echo@parley.test", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Register_ForItsOwnAddressOfRecord_Gets200()
    {
        var registrar = new SipRegistrar(new SipRegistrarOptions(), _auth, _time, NullLogger.Instance);

        var response = await registrar.HandleAsync(await AnsweredAsync("echo", "echo-secret"), new FakeFlow(), TestContext.Current.CancellationToken);

        Assert.Equal(200, response.StatusCode);
        Assert.Single(await registrar.LookupAsync("sip:echo@parley.test", TestContext.Current.CancellationToken));
    }

    private static List<string> Challenges(SipResponse response) =>
        [.. response.Headers.Where(h => h.Kind == SipHeaderKind.WwwAuthenticate).Select(h => h.Value)];

    private async Task<SipRequest> AnsweredAsync(string user, string password)
    {
        var challenge = (await _auth.AuthenticateAsync(TestMessages.Request("REGISTER"), Source, TestContext.Current.CancellationToken)).Challenge!;
        var nonce = Challenges(challenge)[0].Split("nonce=\"")[1].Split('"')[0];
        var request = TestMessages.Request("REGISTER", cseq: 2);
        var answer = SipDigestAuthenticator.ComputeResponse("SHA-256", user, "parley.test", password, "REGISTER", request.RequestUri, nonce, "auth", "00000001", "abc");
        request.Headers.Add(SipHeaderKind.Authorization,
            $"Digest username=\"{user}\", realm=\"parley.test\", nonce=\"{nonce}\", uri=\"{request.RequestUri}\", response=\"{answer}\", algorithm=SHA-256, qop=auth, nc=00000001, cnonce=\"abc\"");
        return request;
    }
}
