using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Parley.Cluster.Routing;
using Parley.Server.Tests.Acd;
using Parley.Server.Voice.Calls;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>
/// A waiting call follows its interaction through a watcher the routing grain does not keep: when the grain is rebuilt
/// (another node, a restart), the node re-attaches all its calls' watchers in one message and the call is rung again.
/// </summary>
public sealed class CallRewatchTests(VoiceCallAppFactory factory) : IClassFixture<VoiceCallAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWaitingCall_WhoseRoutingGrainWasRebuilt_IsStillRungOnceAnAgentIsFree()
    {
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 64200);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.62"), rtpBase: 64600);
        await factory.SetDemoAgentPhoneAsync("agent2", agentPhone.Uri);
        await factory.SignOutOfRoutingAsync("agent2");
        var number = await factory.DemoNumberAsync("Queue", await factory.QueueIdAsync("Support"), "127.0.0.62");
        var call = await caller.CallAsync($"sip:{number}@127.0.0.1:{factory.SipPort}", Ct);
        await call.WaitUntilAsync(c => c.LoudFrames > 10, "the caller hears the queue", explain: () => factory.Logs.Tail());

        // The grain forgets its watchers; the waiting call is rebuilt from the database without one.
        var grain = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ITenantRoutingGrain>(await factory.DemoTenantIdAsync());
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Task.Delay(GrainCallRouting.RewatchInterval + TimeSpan.FromSeconds(2), Ct);

        using var agent = await factory.SignInToRoutingAsync("agent2");
        var ringing = await agentPhone.NextIncomingAsync().WaitAsync(TimeSpan.FromSeconds(20), Ct);
        Assert.Equal("Support: +15557654321", ringing.FromDisplayName);
        await call.HangUpAsync();
        await ringing.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
    }
}
