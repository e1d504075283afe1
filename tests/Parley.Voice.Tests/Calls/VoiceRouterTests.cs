using Parley.Voice.Tests.Support;

namespace Parley.Voice.Tests.Calls;

public sealed class VoiceRouterTests
{
    [Fact]
    public async Task Invite_ToAUserNoHandlerTakes_IsRejectedWith404()
    {
        await using var fixture = EchoFixture.Start();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var result = await fixture.Caller.InviteAsync(fixture.Target("alice"), EchoFixture.Offer(40000), cancellationToken: cts.Token);

        Assert.Equal(404, result.StatusCode);
        Assert.Null(result.Dialog);
    }
}
