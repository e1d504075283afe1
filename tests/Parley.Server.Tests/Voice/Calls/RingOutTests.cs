using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Cluster.Routing;
using Parley.Server.Tests.Acd;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>
/// An agent's phone that never answers (switched off, or a softphone killed without unregistering): each offer rings it
/// once for the offer's time, and the misses set the agent not ready, as when a phone refuses.
/// </summary>
public sealed class RingOutTests(VoiceCallAppFactory factory) : IClassFixture<VoiceCallAppFactory>
{
    private const int OfferSeconds = 2;
    private const int RingingStopped = 6105;
    private const int Rings = 6103;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APhoneThatNeverAnswers_IsRungOncePerOffer_AndTwoRingOutsSetTheAgentNotReady()
    {
        using var deadPhone = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)); // takes the INVITEs, answers nothing
        var phonePort = ((IPEndPoint)deadPhone.Client.LocalEndPoint!).Port;
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.29"), rtpBase: 29000);
        var sales = await factory.QueueIdAsync("Sales");
        await SetOfferTimeoutAsync(sales, OfferSeconds);
        await factory.SetDemoAgentPhoneAsync("agent1", $"sip:desk1@127.0.0.1:{phonePort}");
        var number = await factory.DemoNumberAsync("Queue", sales, "127.0.0.29");
        using var agent = await factory.SignInToRoutingAsync("agent1");

        var call = await caller.CallAsync($"sip:{number}@127.0.0.1:{factory.SipPort}", Ct);
        var state = await WaitForStateAsync("agent1", "NotReady", TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(1), Ct); // what a loop would have logged meanwhile

        var rang = factory.Logs.WithEventId(Rings).Where(l => l.Message.EndsWith($"desk1@127.0.0.1:{phonePort}", StringComparison.Ordinal)).ToList();
        var callId = rang[0].Message.Split(' ')[1];
        var stopped = factory.Logs.WithEventId(RingingStopped).Count(l => l.Message.Contains(callId, StringComparison.Ordinal));
        Assert.Equal("NotReady", state);
        Assert.Equal(2, rang.Count);
        Assert.InRange(stopped, 1, 2);

        await call.HangUpAsync();
        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
        await SetOfferTimeoutAsync(sales, 20);
    }

    private async Task<string> WaitForStateAsync(string userName, string awaited, TimeSpan within)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var state = await factory.AgentStateAsync(userName);
        while (state != awaited && clock.Elapsed < within)
        {
            await Task.Delay(200, Ct);
            state = await factory.AgentStateAsync(userName);
        }

        return state;
    }

    private async Task SetOfferTimeoutAsync(Guid queueId, int seconds)
    {
        var tenantId = await factory.DemoTenantIdAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Parley.Data.ParleyDbContext>();
            var queue = await db.Queues.IgnoreQueryFilters().SingleAsync(q => q.Id == queueId, Ct);
            queue.OfferTimeoutSeconds = seconds;
            await db.SaveChangesAsync(Ct);
        }

        await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ITenantRoutingGrain>(tenantId).RefreshQueue(queueId.ToString());
    }
}
