using Microsoft.EntityFrameworkCore;
using Parley.Data.Entities.Voice;
using Parley.Server.Tests.Acd;

namespace Parley.Server.Tests.Voice.Records;

/// <summary>The agent's wrap-up, reported by the routing grain, ends the wrap-up of the call's record.</summary>
public sealed class CallWrapUpTests(CallRecordsAppFactory factory) : IClassFixture<CallRecordsAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WrapUpCompleted_SetsTheCallRecordsWrapUpEndAndDuration_AndALaterSaveOfTheCallKeepsIt()
    {
        await factory.GiveDemoAgentsDeskPhonesAsync();
        using var api = await factory.ApiClientAsync();
        using var agent = await factory.SignInDemoAsync("agent1");
        var tenant = await factory.DemoTenantIdAsync();
        var sales = await api.IdByAsync("/api/v1/queues", "name", "Sales");
        var agentId = (await agent.JsonAsync("/api/v1/agents/me")).GetProperty("agent").GetProperty("id").GetGuid();
        await agent.PostJsonAsync("/api/v1/agents/me/sign-in", new { }, 200);
        var interaction = await api.CreateInteractionAsync(sales);
        await agent.PostAsync($"/api/v1/interactions/{interaction}/accept", 204);

        var start = factory.Time.GetUtcNow().AddSeconds(-90);
        var call = SampleCalls.Ended(SampleCalls.Answered(SampleCalls.Arrived(tenant, factory.NodeId, start), sales, agentId)) with { InteractionId = interaction };
        await agent.PostAsync($"/api/v1/interactions/{interaction}/end", 204);
        await factory.Store.SaveCallAsync(call, Ct);
        Assert.Null((await RowAsync(call.Id)).WrapUpEndedAt);

        factory.Time.Advance(TimeSpan.FromSeconds(5));
        await agent.PostJsonAsync($"/api/v1/interactions/{interaction}/wrap-up", new { code = "resolved" }, 204);

        var wrapped = await RowAsync(call.Id);
        Assert.Equal(factory.Time.GetUtcNow(), wrapped.WrapUpEndedAt!.Value, TimeSpan.FromMilliseconds(1));
        AssertNear((long)(factory.Time.GetUtcNow() - call.EndedAt!.Value).TotalMilliseconds, wrapped.WrapUpMs!.Value);

        await factory.Store.SaveCallAsync(call with { ReleaseCause = "caller_hangup" }, Ct);
        var saved = await RowAsync(call.Id);
        Assert.Equal(("caller_hangup", wrapped.WrapUpEndedAt, wrapped.WrapUpMs), (saved.ReleaseCause, saved.WrapUpEndedAt, saved.WrapUpMs));
    }

    private Task<CallRecordRow> RowAsync(Guid id) =>
        factory.WithDatabaseAsync(db => db.Set<CallRecordRow>().IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == id, Ct));

    private static void AssertNear(long expected, long actual) => Assert.InRange(actual, expected - 1, expected + 1);
}
