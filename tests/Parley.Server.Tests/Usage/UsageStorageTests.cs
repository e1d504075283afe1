using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Data;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;
using Parley.Server.Usage;

namespace Parley.Server.Tests.Usage;

/// <summary>
/// Finished days are stored once, their <c>usage.daily</c> event goes out once however many runs race, stored usage
/// outlives the raw records until rebuilt, and API calls are metered per tenant.
/// </summary>
public sealed class UsageStorageTests(AcdAppFactory factory) : IClassFixture<AcdAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFinishedDay_IsStoredAndAnnouncedOnce_AndItsStoredUsageOutlivesTheRawRecordsUntilRebuilt()
    {
        await using var receiver = WebhookReceiver.Start();
        var tenantId = await factory.DemoTenantIdAsync();
        var day = await TodayAsync(tenantId);
        using (var admin = await factory.SignInDemoAsync("admin"))
        {
            await admin.PostJsonAsync("/api/v1/webhooks", new { url = receiver.Url, eventTypes = new[] { UsageJob.DailyEvent } }, 201);
            for (var i = 0; i < 5; i++)
            {
                await admin.JsonAsync("/api/v1/queues");
            }
        }

        using (var agent = await factory.SignInDemoAsync("agent3"))
        {
            await agent.PostJsonAsync("/api/v1/agents/me/sign-in", new { }, 200);
            factory.Time.Advance(TimeSpan.FromMinutes(20));
            await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
        }

        var job = factory.Services.GetRequiredService<UsageJob>();
        await job.RunOnceAsync(Ct); // writes the API counts; nothing has finished yet
        Assert.Equal(0, await ClosesAsync(tenantId, day));
        factory.Time.Advance(TimeSpan.FromDays(1));
        await Task.WhenAll(job.RunOnceAsync(Ct), job.RunOnceAsync(Ct), job.RunOnceAsync(Ct));

        Assert.Equal(1, await ClosesAsync(tenantId, day));
        await job.RunOnceAsync(Ct);
        Assert.Equal(1, await ClosesAsync(tenantId, day));

        // The day of the activity is announced once (a tenant's first run also announced the quiet day before, if the
        // subscription existed by then).
        var dayText = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var wait = 0; wait < 300 && !receiver.Hits.Any(h => DayOf(h) == dayText); wait++)
        {
            await Task.Delay(100, Ct);
        }

        var summaries = receiver.Hits.Select(h => JsonDocument.Parse(h.Body).RootElement).ToList();
        Assert.All(summaries, s => Assert.Equal(UsageJob.DailyEvent, s.GetProperty("type").GetString()));
        var summary = Assert.Single(summaries, s => s.GetProperty("data").GetProperty("day").GetString() == dayText);
        Assert.Equal(1200, Quantity(summary.GetProperty("data").GetProperty("usage"), UsageMeters.SeatSeconds));

        var stored = await UsageAsync(day);
        Assert.Equal(1200, Quantity(stored, UsageMeters.SeatSeconds));
        Assert.True(Quantity(stored, UsageMeters.ApiCalls) >= 5);

        // Raw records go (a retention job, say): the finished day still reads from its stored rows...
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            await db.RoutingHistory.IgnoreQueryFilters().Where(h => h.TenantId == tenantId).ExecuteDeleteAsync(Ct);
        }

        Assert.Equal(1200, Quantity(await UsageAsync(day), UsageMeters.SeatSeconds));

        // ...until the operator rebuilds it from what is left: replaced, not added to.
        using var platform = await factory.SignInOperatorAsync();
        var rebuilt = await platform.PostJsonAsync($"/api/v1/platform/usage/rebuild?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}&tenantId={tenantId}", new { }, 200);
        Assert.Equal(1, rebuilt.GetProperty("days").GetInt32());
        Assert.Equal(0, Quantity(await UsageAsync(day), UsageMeters.SeatSeconds));
    }

    [Fact]
    public async Task ApiCalls_AreCountedForTheCallersTenantOnly()
    {
        var other = await factory.CreateOtherTenantAsync();
        using var theirs = await factory.SignInAsync(other.Slug, other.AdminUserName, other.AdminPassword);
        var job = factory.Services.GetRequiredService<UsageJob>();
        var today = (await TodayAsync(other.TenantId)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await job.RunOnceAsync(Ct);
        var before = Quantity((await theirs.JsonAsync($"/api/v1/usage?from={today}&to={today}")).GetProperty("items"), UsageMeters.ApiCalls);
        for (var i = 0; i < 3; i++)
        {
            await theirs.JsonAsync("/api/v1/queues");
        }

        // Meanwhile the demo tenant's calls count for the demo tenant only.
        using (var demo = await factory.SignInDemoAsync("admin"))
        {
            await demo.JsonAsync("/api/v1/queues");
        }

        await job.RunOnceAsync(Ct);
        var after = Quantity((await theirs.JsonAsync($"/api/v1/usage?from={today}&to={today}")).GetProperty("items"), UsageMeters.ApiCalls);
        Assert.Equal(4, after - before); // the three reads and the usage read before them
    }

    private static string? DayOf(WebhookHit hit)
    {
        using var body = JsonDocument.Parse(hit.Body);
        return body.RootElement.GetProperty("data").GetProperty("day").GetString();
    }

    private async Task<JsonElement> UsageAsync(DateOnly day)
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var usage = await admin.JsonAsync($"/api/v1/usage?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}");
        return usage.GetProperty("items");
    }

    private static long Quantity(JsonElement rows, string meter) =>
        rows.EnumerateArray().Where(r => r.GetProperty("meter").GetString() == meter).Sum(r => r.GetProperty("quantity").GetInt64());

    private async Task<DateOnly> TodayAsync(Guid tenantId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var zone = await scope.ServiceProvider.GetRequiredService<UsageReader>().ZoneAsync(tenantId, Ct);
        return UsageCalculator.DayOf(factory.Time.GetUtcNow(), zone);
    }

    private async Task<int> ClosesAsync(Guid tenantId, DateOnly day)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().UsageDayCloses.IgnoreQueryFilters().CountAsync(c => c.TenantId == tenantId && c.Day == day, Ct);
    }
}
