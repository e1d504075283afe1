using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Parley.Sip.Auth;
using Parley.Sip.Messages;
using Parley.Sip.Tests.Support;

namespace Parley.Sip.Tests.Auth;

public sealed class SipDigestAuthenticatorTests
{
    private static readonly IPAddress Source = IPAddress.Parse("192.0.2.10");
    private readonly FakeTimeProvider _time = new();
    private readonly InMemoryCredentialStore _store = new();
    private readonly SipDigestAuthenticator _auth;

    public SipDigestAuthenticatorTests()
    {
        _store.Users["alice"] = new SipCredential("tenant-a", "secret");
        _auth = new SipDigestAuthenticator(new SipDigestOptions { Realm = "parley.test" }, _store, _time, NullLogger.Instance);
    }

    [Fact]
    public async Task Authenticate_NoCredentials_ChallengesWithSha256ThenMd5()
    {
        var result = await _auth.AuthenticateAsync(TestMessages.Request("REGISTER"), Source, TestContext.Current.CancellationToken);

        var challenges = result.Challenge!.Headers.Where(h => h.Kind == SipHeaderKind.WwwAuthenticate).Select(h => h.Value).ToList();
        Assert.Equal(401, result.Challenge.StatusCode);
        Assert.Equal(2, challenges.Count);
        Assert.Contains("algorithm=SHA-256", challenges[0], StringComparison.Ordinal);
        Assert.Contains("algorithm=MD5", challenges[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SHA-256")]
    [InlineData("MD5")]
    public async Task Authenticate_RightPassword_SucceedsWithTenant(string algorithm)
    {
        var request = await AnsweredRequestAsync("alice", "secret", algorithm, "00000001");

        var result = await _auth.AuthenticateAsync(request, Source, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.Equal("tenant-a", result.TenantId);
    }

    [Fact]
    public async Task Authenticate_ReplayedNonceCount_IsRefused()
    {
        var first = await AnsweredRequestAsync("alice", "secret", "SHA-256", "00000001");
        Assert.True((await _auth.AuthenticateAsync(first, Source, TestContext.Current.CancellationToken)).Succeeded);

        var replay = await _auth.AuthenticateAsync(first, Source, TestContext.Current.CancellationToken);

        Assert.False(replay.Succeeded);
        Assert.Equal(401, replay.Challenge!.StatusCode);
    }

    [Fact]
    public async Task Authenticate_ExpiredNonce_ChallengesWithStale()
    {
        var request = await AnsweredRequestAsync("alice", "secret", "SHA-256", "00000001");
        _time.Advance(TimeSpan.FromMinutes(6));

        var result = await _auth.AuthenticateAsync(request, Source, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Contains("stale=true", result.Challenge!.WwwAuthenticate, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_UnknownAndWrongPassword_GetTheSameChallengeShape()
    {
        var unknown = await _auth.AuthenticateAsync(await AnsweredRequestAsync("mallory", "x", "SHA-256", "00000001"), Source, TestContext.Current.CancellationToken);
        var wrong = await _auth.AuthenticateAsync(await AnsweredRequestAsync("alice", "wrong", "SHA-256", "00000001"), Source, TestContext.Current.CancellationToken);

        Assert.Equal(unknown.Challenge!.StatusCode, wrong.Challenge!.StatusCode);
        Assert.Equal(Shape(unknown.Challenge), Shape(wrong.Challenge));
    }

    private static string Shape(SipResponse r) => string.Join("|", r.Headers.Select(h => h.Name)) + "|" +
        System.Text.RegularExpressions.Regex.Replace(r.WwwAuthenticate!, "nonce=\"[^\"]*\"", "nonce");

    private async Task<SipRequest> AnsweredRequestAsync(string user, string password, string algorithm, string nc)
    {
        var challenge = (await _auth.AuthenticateAsync(TestMessages.Request("REGISTER"), Source, TestContext.Current.CancellationToken)).Challenge!;
        var header = challenge.Headers.First(h => h.Kind == SipHeaderKind.WwwAuthenticate && h.Value.Contains(algorithm, StringComparison.Ordinal)).Value;
        var nonce = header.Split("nonce=\"")[1].Split('"')[0];
        var request = TestMessages.Request("REGISTER", cseq: 2);
        var response = SipDigestAuthenticator.ComputeResponse(algorithm, user, "parley.test", password, "REGISTER", request.RequestUri, nonce, "auth", nc, "abc");
        request.Headers.Add(SipHeaderKind.Authorization,
            $"Digest username=\"{user}\", realm=\"parley.test\", nonce=\"{nonce}\", uri=\"{request.RequestUri}\", response=\"{response}\", algorithm={algorithm}, qop=auth, nc={nc}, cnonce=\"abc\"");
        return request;
    }
}
