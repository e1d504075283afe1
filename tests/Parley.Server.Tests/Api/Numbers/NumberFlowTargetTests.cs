using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Flows;
using Parley.Server.Tests.Support;
using static Parley.Server.Tests.Flows.FlowsApi;

namespace Parley.Server.Tests.Api.Numbers;

/// <summary>A number points only at a published flow of its own tenant, and that flow cannot be deleted while it does.</summary>
public sealed class NumberFlowTargetTests(AcdAppFactory factory) : IClassFixture<AcdAppFactory>
{
    [Fact]
    public async Task ANumber_CannotPointAtAnUnpublishedFlow_ButCanOnceItIsPublished()
    {
        var id = await factory.AssignNumberAsync(ParleyAppFactory.UniqueNumber(), await factory.DemoTenantIdAsync());
        using var admin = await factory.SignInDemoAsync("admin");
        var flow = (await admin.CreateFlowAsync(SimpleFlow(Unique("Number flow")))).GetProperty("id").GetGuid();

        using var draftOnly = await admin.PutJsonAsync($"/api/v1/numbers/{id}", new { targetKind = "Flow", targetId = flow }, "\"1\"");
        var problem = await (await draftOnly.ExpectAsync(400)).ReadJsonAsync();
        Assert.Contains("targetId", problem.Pointers());
        Assert.Equal(200, (await admin.PublishAsync(flow)).Status);
        using var published = await admin.PutJsonAsync($"/api/v1/numbers/{id}", new { targetKind = "Flow", targetId = flow }, "\"1\"");
        var pointed = await (await published.ExpectAsync(200)).ReadJsonAsync();

        Assert.Equal(("Flow", flow), (pointed.GetProperty("targetKind").GetString(), pointed.GetProperty("targetId").GetGuid()));
    }

    [Fact]
    public async Task AnotherTenantsFlow_IsAsUnknownAsAMissingOne()
    {
        var other = await factory.CreateOtherTenantAsync();
        var id = await factory.AssignNumberAsync(ParleyAppFactory.UniqueNumber(), await factory.DemoTenantIdAsync());
        using var admin = await factory.SignInDemoAsync("admin");

        using var foreign = await admin.PutJsonAsync($"/api/v1/numbers/{id}", new { targetKind = "Flow", targetId = other.Acd.FlowId }, "\"1\"");
        using var missing = await admin.PutJsonAsync($"/api/v1/numbers/{id}", new { targetKind = "Flow", targetId = Guid.NewGuid() }, "\"1\"");
        var foreignProblem = await (await foreign.ExpectAsync(400)).ReadJsonAsync();
        var missingProblem = await (await missing.ExpectAsync(400)).ReadJsonAsync();

        Assert.Equal(
            missingProblem.GetProperty("errors").GetProperty("targetId").ToString(),
            foreignProblem.GetProperty("errors").GetProperty("targetId").ToString());
    }

    [Fact]
    public async Task AFlowANumberPointsAt_CannotBeDeleted_UntilTheNumberPointsElsewhere()
    {
        var number = ParleyAppFactory.UniqueNumber();
        var id = await factory.AssignNumberAsync(number, await factory.DemoTenantIdAsync());
        using var admin = await factory.SignInDemoAsync("admin");
        var flow = (await admin.CreateFlowAsync(SimpleFlow(Unique("Pointed flow")))).GetProperty("id").GetGuid();
        Assert.Equal(200, (await admin.PublishAsync(flow)).Status);
        await admin.PostJsonAsync("/api/v1/numbers", new { number, targetKind = "Flow", targetId = flow }, 200);

        using var refused = await admin.DeleteAsync($"/api/v1/flows/{flow}", Ct);
        var problem = await (await refused.ExpectAsync(409)).ReadJsonAsync();
        Assert.Contains(number, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var unpointed = await admin.DeleteAsync($"/api/v1/numbers/{id}", Ct);
        await unpointed.ExpectAsync(204);
        using var deleted = await admin.DeleteAsync($"/api/v1/flows/{flow}", Ct);

        await deleted.ExpectAsync(204);
    }
}
