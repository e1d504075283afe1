using System.Net.Http.Json;
using System.Text.Json;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;
using static Parley.Server.Tests.Flows.FlowsApi;

namespace Parley.Server.Tests.Flows;

/// <summary><c>/api/v1/schedules</c>: business hours, their status at an instant, and flows that name them.</summary>
public sealed class SchedulesApiTests(AcdAppFactory factory) : IClassFixture<AcdAppFactory>
{
    private static object NewYorkHours(string name, string? timeZone = "America/New_York") => new
    {
        name,
        timeZone,
        weekly = new[] { new { day = "Monday", open = "09:00", close = "17:00" }, new { day = "Saturday", open = "22:00", close = "02:00" } },
        holidays = new[] { new { date = "2026-12-25", name = "Christmas" } },
    };

    [Fact]
    public async Task AnInvalidSchedule_Is400_WithEveryErrorByPointer()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var response = await admin.PostAsJsonAsync("/api/v1/schedules", new
        {
            name = "",
            timeZone = "Mars/Olympus_Mons",
            weekly = new[] { new { day = "Monday", open = "9am", close = "17:00" }, new { day = "Tuesday", open = "09:00", close = "17:00" } },
            holidays = new[] { new { date = "25/12/2026" } },
        }, Ct);
        var problem = await (await response.ExpectAsync(400)).ReadJsonAsync();
        Assert.Equal(["/holidays/0", "/name", "/timeZone", "/weekly/0"], problem.Pointers().Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [InlineData("2026-03-09T21:00:00Z", "Closed")] // Monday 17:00 EDT (daylight time since Sunday 8 March)
    [InlineData("2026-03-09T12:59:00Z", "Closed")] // Monday 08:59 EDT
    [InlineData("2026-03-09T13:00:00Z", "Open")]   // Monday 09:00 EDT
    [InlineData("2026-03-02T14:00:00Z", "Open")]   // Monday 09:00 EST, the week before the change
    [InlineData("2026-03-02T13:59:00Z", "Closed")] // Monday 08:59 EST
    [InlineData("2026-12-25T15:00:00Z", "Holiday")]
    [InlineData("2026-03-08T06:30:00Z", "Open")]   // Sunday 01:30 EST, inside Saturday's night range
    public async Task Status_AnswersAsTheFlowWould_InTheSchedulesZone_AcrossDaylightSaving(string at, string expected)
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var created = await admin.PostAsJsonAsync("/api/v1/schedules", NewYorkHours(Unique("NY")), Ct);
        var id = (await (await created.ExpectAsync(201)).ReadJsonAsync()).GetProperty("id").GetGuid();
        var status = await admin.GetJsonAsync($"/api/v1/schedules/{id}/status?at={Uri.EscapeDataString(at)}");
        Assert.Equal((expected, "America/New_York"), (status.GetProperty("status").GetString(), status.GetProperty("timeZone").GetString()));
    }

    [Fact]
    public async Task AScheduleWithoutAZone_FollowsTheTenantsZone()
    {
        var tenant = await factory.CreateOtherTenantAsync("hours");
        using var admin = await factory.SignInAsync(tenant.Slug, tenant.AdminUserName, tenant.AdminPassword);
        using var created = await admin.PostAsJsonAsync("/api/v1/schedules", NewYorkHours("Tenant zone", timeZone: null), Ct);
        var id = (await (await created.ExpectAsync(201)).ReadJsonAsync()).GetProperty("id").GetGuid();
        const string MondayAfternoonInNewYork = "/status?at=2026-03-09T19:00:00Z"; // 15:00 EDT, 19:00 UTC
        Assert.Equal("Closed", (await admin.GetJsonAsync($"/api/v1/schedules/{id}{MondayAfternoonInNewYork}")).GetProperty("status").GetString());

        using var read = await admin.GetAsync("/api/v1/tenant/settings", Ct);
        using var changed = await admin.PutJsonAsync("/api/v1/tenant/settings", new { timeZone = "America/New_York" }, read.Headers.ETag!.Tag);
        await changed.ExpectAsync(200);
        var status = await admin.GetJsonAsync($"/api/v1/schedules/{id}{MondayAfternoonInNewYork}");
        Assert.Equal(("Open", "America/New_York"), (status.GetProperty("status").GetString(), status.GetProperty("timeZone").GetString()));
    }

    [Fact]
    public async Task AFlowNamingAnUnknownSchedule_IsInvalid_AndASchedulePublishedFlowsRead_CannotBeDeleted()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var missing = Guid.NewGuid();
        string Flow(string name, Guid schedule) => $$"""
            { "name": "{{name}}", "blocks": [
              { "type": "start", "id": "start", "next": "hours" },
              { "type": "businessHours", "id": "hours", "scheduleId": "{{schedule}}", "open": "queue", "closed": "bye" },
              { "type": "transferToQueue", "id": "queue", "queue": "Support" },
              { "type": "hangUp", "id": "bye" } ] }
            """;
        var name = Unique("Hours flow");
        var flow = await admin.CreateFlowAsync(Flow(name, missing));
        Assert.Equal(["/blocks/1/scheduleId"], flow.GetProperty("validation").GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray());

        using var created = await admin.PostAsJsonAsync("/api/v1/schedules", NewYorkHours(Unique("Used")), Ct);
        var schedule = await (await created.ExpectAsync(201)).ReadJsonAsync();
        var scheduleId = schedule.GetProperty("id").GetGuid();
        var flowId = flow.GetProperty("id").GetGuid();
        using var fixedDraft = await admin.SendFlowAsync(HttpMethod.Put, $"/api/v1/flows/{flowId}", Flow(name, scheduleId), "*");
        Assert.True((await (await fixedDraft.ExpectAsync(200)).ReadJsonAsync()).GetProperty("validation").GetProperty("valid").GetBoolean());
        Assert.Equal(200, (await admin.PublishAsync(flowId)).Status);

        using var refused = await admin.DeleteAsync($"/api/v1/schedules/{scheduleId}", Ct);
        Assert.Contains(name, (await (await refused.ExpectAsync(409)).ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_NeedsIfMatch_AndKeepsTheNewHours()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var name = Unique("Edit");
        using var created = await admin.PostAsJsonAsync("/api/v1/schedules", NewYorkHours(name), Ct);
        var id = (await (await created.ExpectAsync(201)).ReadJsonAsync()).GetProperty("id").GetGuid();
        var update = new { name, timeZone = "Europe/Paris", weekly = new[] { new { day = "Sunday", open = "00:00", close = "24:00" } } };
        using var missing = await admin.PutJsonAsync($"/api/v1/schedules/{id}", update, ifMatch: null);
        await missing.ExpectAsync(428);
        using var changed = await admin.PutJsonAsync($"/api/v1/schedules/{id}", update, created.Headers.ETag!.Tag);
        var body = await (await changed.ExpectAsync(200)).ReadJsonAsync();
        Assert.Equal(("Europe/Paris", "Sunday", 0), (
            body.GetProperty("timeZone").GetString(), body.GetProperty("weekly")[0].GetProperty("day").GetString(), body.GetProperty("holidays").GetArrayLength()));
        Assert.Equal("Open", (await admin.GetJsonAsync($"/api/v1/schedules/{id}/status?at=2026-06-07T12:00:00Z")).GetProperty("status").GetString());
    }
}
