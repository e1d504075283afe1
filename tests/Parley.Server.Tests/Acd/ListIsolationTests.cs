using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Acd;

/// <summary>The interaction list and a queue's waiting line show a tenant its own interactions only.</summary>
public sealed class ListIsolationTests(AcdAppFactory factory) : IClassFixture<AcdAppFactory>
{
    [Fact]
    public async Task TenantBAdmin_SeesNoneOfTenantAsInteractions_AndNotFoundForAsQueue()
    {
        using var adminA = await factory.SignInDemoAsync("admin");
        using var api = await factory.ApiClientAsync();
        var queueA = await adminA.CreateUnservedQueueAsync("Voice");
        var interactionA = await api.CreateInteractionAsync(queueA, "Voice", 0);
        var b = await factory.CreateOtherTenantAsync();
        using var adminB = await factory.SignInAsync(b.Slug, b.AdminUserName, b.AdminPassword);

        var listB = await adminB.JsonAsync("/api/v1/interactions?limit=200");
        Assert.Equal([b.Acd.InteractionId], listB.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        Assert.Equal(0, (await adminB.JsonAsync($"/api/v1/interactions?queueId={queueA}")).GetProperty("items").GetArrayLength());
        await adminB.JsonAsync($"/api/v1/queues/{queueA}/waiting", 404);
        var waitingB = await adminB.JsonAsync($"/api/v1/queues/{b.Acd.QueueId}/waiting");
        Assert.Equal([b.Acd.InteractionId], waitingB.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));

        using var listA = await adminA.GetAsync("/api/v1/interactions?limit=200", TestContext.Current.CancellationToken);
        await listA.ExpectAsync(200);
        var textA = await listA.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(interactionA.ToString(), textA, StringComparison.Ordinal);
        Assert.DoesNotContain(b.Acd.InteractionId.ToString(), textA, StringComparison.Ordinal);
        Assert.DoesNotContain(b.Canary, textA, StringComparison.OrdinalIgnoreCase);
        await adminA.JsonAsync($"/api/v1/queues/{b.Acd.QueueId}/waiting", 404);
    }
}
