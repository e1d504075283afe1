using System.Net.Http.Json;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Api.Numbers;

/// <summary>The platform operator assigns numbers to tenants; a tenant points only its own numbers at its own queues.</summary>
public sealed class NumbersApiTests(AcdAppFactory factory) : IClassFixture<AcdAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheOperator_AssignsANumber_AndTheTenantPointsItAtAQueue()
    {
        var number = ParleyAppFactory.UniqueNumber();
        var id = await factory.AssignNumberAsync(number[..2] + " " + number[2..5] + "-" + number[5..], await factory.DemoTenantIdAsync());
        using var admin = await factory.SignInDemoAsync("admin");
        var queueId = await admin.IdByAsync("/api/v1/queues", "name", "Support");

        var listed = await admin.JsonAsync("/api/v1/numbers?limit=100");
        var pointed = await admin.PostJsonAsync("/api/v1/numbers", new { number, targetKind = "Queue", targetId = queueId }, 200);
        var read = await admin.JsonAsync($"/api/v1/numbers/{id}");

        Assert.Contains(listed.GetProperty("items").EnumerateArray(), n => n.GetProperty("number").GetString() == number);
        Assert.Equal(("Queue", queueId), (pointed.GetProperty("targetKind").GetString(), pointed.GetProperty("targetId").GetGuid()));
        Assert.Equal(("Queue", number), (read.GetProperty("targetKind").GetString(), read.GetProperty("number").GetString()));
    }

    [Theory]
    [InlineData("15551234567")]
    [InlineData("+1234567")]
    [InlineData("+0155512345")]
    [InlineData("+1555CALLNOW")]
    public async Task TheOperator_CannotAssign_WhatIsNotStrictE164(string number)
    {
        using var platform = await factory.SignInOperatorAsync();

        using var response = await platform.PostAsJsonAsync("/api/v1/platform/numbers", new { number, tenantId = await factory.DemoTenantIdAsync() }, Ct);

        var problem = await (await response.ExpectAsync(400)).ReadJsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("number", out _));
    }

    [Fact]
    public async Task ANumber_BelongsToOneTenant_UntilTheOperatorReleasesIt()
    {
        var other = await factory.CreateOtherTenantAsync();
        var number = ParleyAppFactory.UniqueNumber();
        using var platform = await factory.SignInOperatorAsync();
        var id = await factory.AssignNumberAsync(number, await factory.DemoTenantIdAsync());

        using var twice = await platform.PostAsJsonAsync("/api/v1/platform/numbers", new { number, tenantId = other.TenantId }, Ct);
        await twice.ExpectAsync(409);
        using var released = await platform.DeleteAsync($"/api/v1/platform/numbers/{id}", Ct);
        await released.ExpectAsync(204);
        using var again = await platform.PostAsJsonAsync("/api/v1/platform/numbers", new { number, tenantId = other.TenantId }, Ct);
        await again.ExpectAsync(201);
    }

    [Fact]
    public async Task AnotherTenantsNumber_AnswersNotFound_AndCannotBeClaimed()
    {
        var other = await factory.CreateOtherTenantAsync();
        var number = ParleyAppFactory.UniqueNumber();
        var id = await factory.AssignNumberAsync(number, await factory.DemoTenantIdAsync());
        using var demoAdmin = await factory.SignInDemoAsync("admin");
        var demoQueue = await demoAdmin.IdByAsync("/api/v1/queues", "name", "Support");
        using var boss = await factory.SignInAsync(other.Slug, other.AdminUserName, other.AdminPassword);

        await boss.JsonAsync($"/api/v1/numbers/{id}", 404);
        await boss.PostJsonAsync("/api/v1/numbers", new { number, targetKind = "Queue", targetId = other.Acd.QueueId }, 404);
        await (await boss.PutJsonAsync($"/api/v1/numbers/{id}", new { targetKind = "None" }, "\"1\"")).ExpectAsync(404);
        await (await boss.DeleteAsync($"/api/v1/numbers/{id}", Ct)).ExpectAsync(404);
        var list = await boss.JsonAsync("/api/v1/numbers?limit=100");

        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), n => n.GetProperty("number").GetString() == number);
        var still = await demoAdmin.JsonAsync($"/api/v1/numbers/{id}");
        Assert.Equal("None", still.GetProperty("targetKind").GetString());
        await demoAdmin.PostJsonAsync("/api/v1/numbers", new { number, targetKind = "Queue", targetId = other.Acd.QueueId }, 400);
        await demoAdmin.PostJsonAsync("/api/v1/numbers", new { number, targetKind = "Queue", targetId = demoQueue }, 200);
    }

    [Fact]
    public async Task ATarget_MustBeNoneAFlowOrAQueueOfTheTenant()
    {
        var id = await factory.AssignNumberAsync(ParleyAppFactory.UniqueNumber(), await factory.DemoTenantIdAsync());
        using var admin = await factory.SignInDemoAsync("admin");

        using var unknownKind = await admin.PutJsonAsync($"/api/v1/numbers/{id}", new { targetKind = "Agent", targetId = Guid.NewGuid() }, "\"1\"");
        using var noQueue = await admin.PutJsonAsync($"/api/v1/numbers/{id}", new { targetKind = "Queue", targetId = Guid.NewGuid() }, "\"1\"");
        using var flow = await admin.PutJsonAsync($"/api/v1/numbers/{id}", new { targetKind = "Flow", targetId = Guid.NewGuid() }, "\"1\"");
        using var unpointed = await admin.DeleteAsync($"/api/v1/numbers/{id}", Ct);

        await unknownKind.ExpectAsync(400);
        await noQueue.ExpectAsync(400);
        await flow.ExpectAsync(400);
        await unpointed.ExpectAsync(204);
        Assert.Equal("None", (await admin.JsonAsync($"/api/v1/numbers/{id}")).GetProperty("targetKind").GetString());
    }

    [Fact]
    public async Task ASupervisor_ReadsNumbers_ButCannotPointThem()
    {
        var number = ParleyAppFactory.UniqueNumber();
        await factory.AssignNumberAsync(number, await factory.DemoTenantIdAsync());
        using var supervisor = await factory.SignInDemoAsync("supervisor");

        await supervisor.JsonAsync("/api/v1/numbers");
        await supervisor.PostJsonAsync("/api/v1/numbers", new { number, targetKind = "None" }, 403);
        await supervisor.JsonAsync("/api/v1/platform/numbers", 403);
    }
}
