using System.Net.Http.Json;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;
using static Parley.Server.Tests.Flows.FlowsApi;

namespace Parley.Server.Tests.Flows;

/// <summary>Tenant A can neither see, use nor change tenant B's flows and schedules: every answer is 404.</summary>
public sealed class FlowIsolationTests(AcdAppFactory factory) : IClassFixture<AcdAppFactory>
{
    [Fact]
    public async Task TenantBFlowsAndSchedules_AnswerNotFound_ToTenantAsAdmin_AndCannotBeNamedInItsFlows()
    {
        var b = await factory.CreateOtherTenantAsync();
        var (flow, schedule) = (b.Acd.FlowId, b.Acd.ScheduleId);
        using var admin = await factory.SignInDemoAsync("admin");
        foreach (var url in new[]
        {
            $"/api/v1/flows/{flow}", $"/api/v1/flows/{flow}/versions", $"/api/v1/flows/{flow}/versions/1",
            $"/api/v1/schedules/{schedule}", $"/api/v1/schedules/{schedule}/status",
        })
        {
            await admin.JsonAsync(url, 404);
        }

        using (var put = await admin.SendFlowAsync(HttpMethod.Put, $"/api/v1/flows/{flow}", SimpleFlow("Taken over"), "*"))
        {
            await put.ExpectAsync(404);
        }

        await admin.PostJsonAsync($"/api/v1/flows/{flow}/publish", new { version = 1 }, 404);
        await admin.PostJsonAsync($"/api/v1/flows/{flow}/try", new { inputs = new[] { "1" }, version = 1 }, 404);
        using (var put = await admin.PutJsonAsync($"/api/v1/schedules/{schedule}", new { name = "Taken over" }, "*"))
        {
            await put.ExpectAsync(404);
        }

        foreach (var url in new[] { $"/api/v1/flows/{flow}", $"/api/v1/schedules/{schedule}" })
        {
            using var delete = await admin.DeleteAsync(url, Ct);
            await delete.ExpectAsync(404);
        }

        var borrowing = await admin.CreateFlowAsync($$"""
            { "name": "{{Unique("Borrowing")}}", "blocks": [
              { "type": "start", "id": "start", "next": "hours" },
              { "type": "businessHours", "id": "hours", "scheduleId": "{{schedule}}", "open": "sub", "closed": "sub" },
              { "type": "subflow", "id": "sub", "flowId": "{{flow}}", "next": "queue" },
              { "type": "transferToQueue", "id": "queue", "queue": "Queue {{b.Canary}}" } ] }
            """);
        Assert.Equal(
            ["/blocks/1/scheduleId", "/blocks/2/flowId", "/blocks/3/queue"],
            borrowing.GetProperty("validation").GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());

        foreach (var url in new[] { "/api/v1/flows", "/api/v1/schedules" })
        {
            using var response = await admin.GetAsync(url + "?limit=200", Ct);
            Assert.DoesNotContain(b.Canary, await (await response.ExpectAsync(200)).Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
        }

        using var boss = await factory.SignInAsync(b.Slug, b.AdminUserName, b.AdminPassword);
        var theirs = await boss.JsonAsync($"/api/v1/flows/{flow}");
        Assert.Equal((1, true), (theirs.GetProperty("publishedVersion").GetInt32(), theirs.GetProperty("validation").GetProperty("valid").GetBoolean()));
        await boss.JsonAsync($"/api/v1/schedules/{schedule}");
    }
}
