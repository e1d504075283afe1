using Parley.Sip.Auth;
using Parley.Sip.Stack;
using Parley.Voice.Calls;
using Parley.Voice.Tests.Support;

namespace Parley.Voice.Tests.Calls;

/// <summary>With an authenticator, INVITEs to anything but the echo test must carry the caller's digest credentials.</summary>
public sealed class VoiceRouterAuthenticationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SipInviteOptions Alice(string password = TenantCredentials.Password) =>
        new() { From = $"sip:alice@{TenantCredentials.RealmA}", Username = "alice", Password = password };

    [Fact]
    public async Task EchoTest_StaysOpen_WithoutCredentials()
    {
        await using var fixture = EchoFixture.StartAuthenticated(TenantCredentials.CreateAuthenticator());

        var result = await fixture.Caller.InviteAsync(fixture.Target("echo"), EchoFixture.Offer(40100), cancellationToken: Ct);

        Assert.Equal(200, result.StatusCode);
        await result.Dialog!.ByeAsync(Ct);
    }

    [Fact]
    public async Task Invite_ToAnotherUser_WithoutCredentials_IsChallenged_AndTheHandlerIsNotCalled()
    {
        var handler = new RecordingHandler("agent2");
        await using var fixture = EchoFixture.StartAuthenticated(TenantCredentials.CreateAuthenticator(), null, handler);

        var result = await fixture.Caller.InviteAsync(
            fixture.Target("agent2"), EchoFixture.Offer(40102), new SipInviteOptions { From = $"sip:alice@{TenantCredentials.RealmA}" }, Ct);

        Assert.Equal(401, result.StatusCode);
        Assert.Null(result.Dialog);
        Assert.Empty(handler.Callers);
    }

    [Fact]
    public async Task Invite_ToAnUnknownUser_WithoutCredentials_IsChallenged_Not404()
    {
        await using var fixture = EchoFixture.StartAuthenticated(TenantCredentials.CreateAuthenticator());

        var result = await fixture.Caller.InviteAsync(fixture.Target("nobody"), EchoFixture.Offer(40104), cancellationToken: Ct);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task Invite_WithTheRightCredentials_ReachesTheHandler_WhichSeesTheCaller()
    {
        var handler = new RecordingHandler("agent2");
        await using var fixture = EchoFixture.StartAuthenticated(TenantCredentials.CreateAuthenticator(), null, handler);

        var result = await fixture.Caller.InviteAsync(fixture.Target("agent2"), EchoFixture.Offer(40106), Alice(), Ct);

        Assert.Equal(486, result.StatusCode);
        Assert.Equal(new SipCaller("tenant-a", "alice", TenantCredentials.RealmA), Assert.Single(handler.Callers));
    }

    [Fact]
    public async Task Invite_WithTheRightCredentials_ToAnUnknownUser_Is404()
    {
        await using var fixture = EchoFixture.StartAuthenticated(TenantCredentials.CreateAuthenticator());

        var result = await fixture.Caller.InviteAsync(fixture.Target("nobody"), EchoFixture.Offer(40108), Alice(), Ct);

        Assert.Equal(404, result.StatusCode);
    }

    [Fact]
    public async Task Invite_WithAWrongPassword_IsChallengedAgain()
    {
        var handler = new RecordingHandler("agent2");
        await using var fixture = EchoFixture.StartAuthenticated(TenantCredentials.CreateAuthenticator(), null, handler);

        var result = await fixture.Caller.InviteAsync(fixture.Target("agent2"), EchoFixture.Offer(40110), Alice("not-the-password"), Ct);

        Assert.Equal(401, result.StatusCode);
        Assert.Empty(handler.Callers);
    }

    [Fact]
    public async Task Invite_FromTenantA_IntoAnotherTenantsDomain_Is403()
    {
        // The Request-URI host (127.0.0.1 in this loopback test) is declared a tenant domain; alice's realm is a.sip.parley.
        var handler = new RecordingHandler("agent2");
        var options = new VoiceRouterOptions { IsTenantDomain = _ => true };
        await using var fixture = EchoFixture.StartAuthenticated(TenantCredentials.CreateAuthenticator(), options, handler);

        var result = await fixture.Caller.InviteAsync(fixture.Target("agent2"), EchoFixture.Offer(40112), Alice(), Ct);

        Assert.Equal(403, result.StatusCode);
        Assert.Empty(handler.Callers);
    }
}
