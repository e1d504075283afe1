using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Tests.Support;
using Parley.Voice.Calls.Ports;
using static Parley.Server.Tests.Flows.FlowsApi;

namespace Parley.Server.Tests.Voice.Flows;

/// <summary>Calls read a published flow from memory; publishing, rolling back and the tenant's zone replace it at once.</summary>
public sealed class PublishedFlowCacheTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    [Fact]
    public async Task APublishedFlow_IsLoadedOnce_AndPublishAndRollbackReplaceItForTheNextCall()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var tenant = await factory.DemoTenantIdAsync();
        var flows = factory.Services.GetRequiredService<IPublishedFlows>();
        var name = Unique("Cached");
        var id = (await admin.CreateFlowAsync(SimpleFlow(name, "First."))).GetProperty("id").GetGuid();
        Assert.Null(await flows.FindAsync(tenant, id, Ct));
        Assert.Equal(200, (await admin.PublishAsync(id)).Status);

        var first = await flows.FindAsync(tenant, id, Ct);
        Assert.Equal(1, first!.Version);
        Assert.Same(first, await flows.FindAsync(tenant, id, Ct));

        using var edited = await admin.SendFlowAsync(HttpMethod.Put, $"/api/v1/flows/{id}", SimpleFlow(name, "Second."), "*");
        await edited.ExpectAsync(200);
        Assert.Same(first, await flows.FindAsync(tenant, id, Ct));
        Assert.Equal(200, (await admin.PublishAsync(id)).Status);
        var second = await flows.FindAsync(tenant, id, Ct);
        Assert.Equal(2, second!.Version);

        Assert.Equal(200, (await admin.PublishAsync(id, version: 1)).Status);
        var rolledBack = await flows.FindAsync(tenant, id, Ct);
        Assert.Equal(1, rolledBack!.Version);
        Assert.NotSame(first, rolledBack);
    }

    [Fact]
    public async Task ChangingTheTenantsTimeZone_ReplacesItsCachedFlows()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var tenant = await factory.DemoTenantIdAsync();
        var flows = factory.Services.GetRequiredService<IPublishedFlows>();
        var id = (await admin.CreateFlowAsync(SimpleFlow(Unique("Zoned")))).GetProperty("id").GetGuid();
        Assert.Equal(200, (await admin.PublishAsync(id)).Status);
        var before = (await flows.FindAsync(tenant, id, Ct))!.TimeZone;
        Assert.NotEqual("Asia/Shanghai", before);

        using var read = await admin.GetAsync("/api/v1/tenant/settings", Ct);
        using var changed = await admin.PutJsonAsync("/api/v1/tenant/settings", new { timeZone = "Asia/Shanghai" }, read.Headers.ETag!.Tag);
        await changed.ExpectAsync(200);
        Assert.Equal("Asia/Shanghai", (await flows.FindAsync(tenant, id, Ct))!.TimeZone);
    }
}
