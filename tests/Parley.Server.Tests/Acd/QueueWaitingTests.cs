using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Acd;

/// <summary><c>GET /api/v1/queues/{id}/waiting</c>: the routing engine's waiting line, in routing order, with wait times.</summary>
public sealed class QueueWaitingTests(AcdAppFactory factory) : IClassFixture<AcdAppFactory>
{
    [Fact]
    public async Task Waiting_ListsHigherPriorityFirst_ThenOldestFirst_WithTheirWaitSoFar()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var api = await factory.ApiClientAsync();
        var queue = await admin.CreateUnservedQueueAsync("Voice");
        var elsewhere = await admin.CreateUnservedQueueAsync("Voice");

        var oldLow = await api.CreateInteractionAsync(queue, "Voice", 0);
        factory.Time.Advance(TimeSpan.FromSeconds(30));
        var oldHigh = await api.CreateInteractionAsync(queue, "Voice", 5);
        await api.CreateInteractionAsync(elsewhere, "Voice", 9);
        factory.Time.Advance(TimeSpan.FromSeconds(30));
        var newLow = await api.CreateInteractionAsync(queue, "Voice", 0);
        factory.Time.Advance(TimeSpan.FromSeconds(30));
        var newHigh = await api.CreateInteractionAsync(queue, "Voice", 5);
        factory.Time.Advance(TimeSpan.FromSeconds(10));

        var line = await admin.JsonAsync($"/api/v1/queues/{queue}/waiting");
        Assert.Equal(queue, line.GetProperty("queueId").GetGuid());
        var items = line.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("id").GetGuid(), i.GetProperty("priority").GetInt32(), i.GetProperty("waitedSeconds").GetInt64()))
            .ToList();
        Assert.Equal([(oldHigh, 5, 70L), (newHigh, 5, 10L), (oldLow, 0, 100L), (newLow, 0, 40L)], items);

        await api.PostAsync($"/api/v1/interactions/{oldHigh}/abandon", 204);
        using var supervisor = await factory.SignInDemoAsync("supervisor");
        var after = await supervisor.JsonAsync($"/api/v1/queues/{queue}/waiting");
        Assert.Equal([newHigh, oldLow, newLow], after.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Waiting_OfAnUnknownQueue_IsNotFound_AndAgentsMayNotRead()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var agent = await factory.SignInDemoAsync("agent1");
        var sales = await admin.IdByAsync("/api/v1/queues", "name", "Sales");
        await admin.JsonAsync($"/api/v1/queues/{Guid.CreateVersion7()}/waiting", 404);
        Assert.Equal(0, (await admin.JsonAsync($"/api/v1/queues/{sales}/waiting")).GetProperty("items").GetArrayLength());
        using var refused = await agent.GetAsync($"/api/v1/queues/{sales}/waiting", TestContext.Current.CancellationToken);
        await refused.ExpectAsync(403);
    }
}
