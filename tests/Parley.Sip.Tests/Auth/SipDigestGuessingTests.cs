using System.Net;
using Microsoft.Extensions.Time.Testing;
using Parley.Sip.Auth;
using Parley.Sip.Defence;
using Parley.Sip.Messages;
using Parley.Sip.Tests.Support;

namespace Parley.Sip.Tests.Auth;

/// <summary>Password guessing and replay against the digest authenticator: what a guesser and an eavesdropper get.</summary>
public sealed class SipDigestGuessingTests
{
    private static readonly IPAddress Source = IPAddress.Parse("192.0.2.10");
    private readonly FakeTimeProvider _time = new();
    private readonly InMemoryCredentialStore _store = new();
    private readonly CapturingLoggerFactory _logs = new();
    private readonly SipDigestAuthenticator _auth;

    public SipDigestGuessingTests()
    {
        _store.Users["alice"] = new SipCredential("tenant-a", "secret");
        _auth = new SipDigestAuthenticator(new SipDigestOptions { Realm = "parley.test" }, _store, _time, _logs.CreateLogger("test"));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AfterTenWrongPasswords_EvenTheRightOneIsRefusedWith403_ForTheCoolDown()
    {
        for (var i = 0; i < 10; i++)
        {
            var wrong = await _auth.AuthenticateAsync(await AnsweredAsync("alice", $"guess{i}"), Source, Ct);
            Assert.Equal(401, wrong.Challenge!.StatusCode);
        }

        var right = await _auth.AuthenticateAsync(await AnsweredAsync("alice", "secret"), Source, Ct);
        var elsewhere = await _auth.AuthenticateAsync(await AnsweredAsync("alice", "secret"), IPAddress.Parse("198.51.100.7"), Ct);
        _time.Advance(TimeSpan.FromMinutes(15));
        var afterCoolDown = await _auth.AuthenticateAsync(await AnsweredAsync("alice", "secret"), Source, Ct);

        Assert.False(right.Succeeded);
        Assert.Equal(403, right.Challenge!.StatusCode);
        Assert.True(elsewhere.Succeeded); // one address cannot lock the user out elsewhere
        Assert.True(afterCoolDown.Succeeded);
    }

    [Fact]
    public async Task ABlock_IsLoggedOnceOnTheFail2banLine_WithTheSourceAndTheAccount()
    {
        for (var i = 0; i < 12; i++)
        {
            await _auth.AuthenticateAsync(await AnsweredAsync("alice", $"guess{i}"), Source, Ct);
        }

        var line = Assert.Single(_logs.Lines, l => l.EventId == 4003);
        Assert.Equal("SIP authentication blocked: source=192.0.2.10 account=alice@parley.test scope=Account failures=10 cooldown=900s", line.Message);
        Assert.Equal(10, _logs.Lines.Count(l => l.EventId == 3001)); // refused attempts are not logged one by one
        Assert.Equal(2, _auth.Guard.Refusals);
    }

    [Fact]
    public async Task KnownAndUnknownAccounts_AreBlockedAndRefusedAlike()
    {
        for (var i = 0; i < 10; i++)
        {
            await _auth.AuthenticateAsync(await AnsweredAsync("alice", $"guess{i}"), Source, Ct);
            await _auth.AuthenticateAsync(await AnsweredAsync("mallory", $"guess{i}"), Source, Ct);
        }

        var known = (await _auth.AuthenticateAsync(await AnsweredAsync("alice", "x"), Source, Ct)).Challenge!;
        var unknown = (await _auth.AuthenticateAsync(await AnsweredAsync("mallory", "x"), Source, Ct)).Challenge!;

        Assert.Equal((403, "Too many failed authentications"), (known.StatusCode, known.ReasonPhrase));
        Assert.Equal((known.StatusCode, known.ReasonPhrase), (unknown.StatusCode, unknown.ReasonPhrase));
        Assert.Equal(known.Headers.Select(h => h.Name), unknown.Headers.Select(h => h.Name));
    }

    [Fact]
    public async Task ASprayOverTenUserNames_BlocksTheSourceForEveryAccount()
    {
        for (var i = 0; i < 10; i++)
        {
            await _auth.AuthenticateAsync(await AnsweredAsync($"user{i}", "password1"), Source, Ct);
        }

        var result = await _auth.AuthenticateAsync(await AnsweredAsync("alice", "secret"), Source, Ct);

        Assert.Equal(403, result.Challenge!.StatusCode);
        Assert.Contains(_logs.Lines, l => l.Message.StartsWith("SIP authentication blocked: source=192.0.2.10 account=* scope=Source failures=10", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAnswerWithoutQop_IsSingleUse_AReplayIs401()
    {
        var first = await AnsweredAsync("alice", "secret", qop: false);
        Assert.True((await _auth.AuthenticateAsync(first, Source, Ct)).Succeeded);

        var replay = TestMessages.Request("REGISTER", branch: "z9hG4bKreplay", callId: "other-call@attacker", cseq: 7);
        replay.Headers.Add(SipHeaderKind.Authorization, first.Authorization!);
        var result = await _auth.AuthenticateAsync(replay, IPAddress.Parse("203.0.113.9"), Ct);

        Assert.False(result.Succeeded);
        Assert.Equal(401, result.Challenge!.StatusCode);
    }

    [Fact]
    public async Task ReplaysOfACapturedRightAnswer_AreRefusedButNotCountedAsGuessing()
    {
        var captured = await AnsweredAsync("alice", "secret", qop: false);
        Assert.True((await _auth.AuthenticateAsync(captured, Source, Ct)).Succeeded);

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(401, (await _auth.AuthenticateAsync(captured, Source, Ct)).Challenge!.StatusCode);
        }

        Assert.True((await _auth.AuthenticateAsync(await AnsweredAsync("alice", "secret"), Source, Ct)).Succeeded);
        Assert.Equal(0, _auth.Guard.Failures);
    }

    private async Task<SipRequest> AnsweredAsync(string user, string password, bool qop = true)
    {
        var challenge = (await _auth.AuthenticateAsync(TestMessages.Request("REGISTER"), Source, Ct)).Challenge!;
        var header = challenge.Headers.First(h => h.Kind == SipHeaderKind.WwwAuthenticate && h.Value.Contains("MD5", StringComparison.Ordinal)).Value;
        var nonce = header.Split("nonce=\"")[1].Split('"')[0];
        var request = TestMessages.Request("REGISTER", cseq: 2);
        var answer = SipDigestAuthenticator.ComputeResponse("MD5", user, "parley.test", password, "REGISTER", request.RequestUri, nonce, qop ? "auth" : null, "00000001", "abc");
        var qopPart = qop ? ", qop=auth, nc=00000001, cnonce=\"abc\"" : string.Empty;
        request.Headers.Add(SipHeaderKind.Authorization,
            $"Digest username=\"{user}\", realm=\"parley.test\", nonce=\"{nonce}\", uri=\"{request.RequestUri}\", response=\"{answer}\", algorithm=MD5{qopPart}");
        return request;
    }
}
