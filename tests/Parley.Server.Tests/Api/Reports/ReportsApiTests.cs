using Microsoft.EntityFrameworkCore;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;
using Parley.Server.Tests.Voice.Records;
using Parley.Voice.Records;

namespace Parley.Server.Tests.Api.Reports;

/// <summary><c>GET /api/v1/reports/queue</c>: figures from stored CDRs, CSV, permission, bounds and tenant isolation.</summary>
public sealed class ReportsApiTests(CallRecordsAppFactory factory) : IClassFixture<CallRecordsAppFactory>
{
    private const string Window = "from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z&interval=total";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task QueueReport_CountsTheTenantsCalls_AndNeverAnotherTenants()
    {
        var queue = await SeedAsync();
        using var supervisor = await factory.SignInDemoAsync("supervisor");

        var json = await supervisor.JsonAsync($"/api/v1/reports/queue?{Window}&queue={queue}");

        var total = json.GetProperty("total");
        Assert.Equal((2, 1, 1), (total.GetProperty("offered").GetInt32(), total.GetProperty("answered").GetInt32(), total.GetProperty("abandoned").GetInt32()));
        Assert.Single(json.GetProperty("rows").EnumerateArray());
    }

    [Fact]
    public async Task QueueReport_AnswersCsv_WhenAskedWithFormatCsv()
    {
        var queue = await SeedAsync();
        using var supervisor = await factory.SignInDemoAsync("supervisor");

        using var response = await supervisor.GetAsync($"/api/v1/reports/queue?{Window}&queue={queue}&format=csv", Ct);

        await response.ExpectAsync(200);
        Assert.Equal("text/csv", response.ContentType());
        var lines = (await response.Content.ReadAsStringAsync(Ct)).TrimEnd('\n').Split('\n');
        Assert.StartsWith("start,end,offered,answered,abandoned", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains(",2,1,1,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_NeedReportsRead_WhichAgentsDoNotHold()
    {
        using var agent = await factory.SignInDemoAsync("agent1");
        using var admin = await factory.SignInDemoAsync("admin");

        await agent.JsonAsync($"/api/v1/reports/queue?{Window}", 403);
        await admin.JsonAsync($"/api/v1/reports/queue?{Window}");
    }

    [Theory]
    [InlineData("from=2026-11-20T00:00:00Z", "to")]
    [InlineData("from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z", "to")]
    [InlineData("from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z&interval=minute", "interval")]
    public async Task BadRangesAndIntervals_Answer400NamingTheField(string query, string field)
    {
        using var supervisor = await factory.SignInDemoAsync("supervisor");

        using var response = await supervisor.GetAsync($"/api/v1/reports/queue?{query}", Ct);

        await response.ExpectAsync(400);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _), $"no error for '{field}'");
    }

    /// <summary>An answered and an abandoned call of the demo tenant and one of the platform tenant, all in one new queue on 20 November.</summary>
    private async Task<Guid> SeedAsync()
    {
        var queue = Guid.CreateVersion7();
        var tenant = await factory.DemoTenantIdAsync();
        var platform = await factory.WithDatabaseAsync(db => db.Tenants.Where(t => t.Slug == ParleyAppFactory.PlatformTenant).Select(t => t.Id).SingleAsync(Ct));
        var at = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        var answered = SampleCalls.Ended(SampleCalls.Answered(SampleCalls.Arrived(tenant, factory.NodeId, at), queue, Guid.CreateVersion7()));
        var abandoned = SampleCalls.Arrived(tenant, factory.NodeId, at.AddHours(1)) with
        {
            QueueId = queue, QueuedAt = at.AddHours(1), EndedAt = at.AddHours(1).AddSeconds(40), Disposition = CallDisposition.AbandonedInQueue,
        };
        var foreign = SampleCalls.Ended(SampleCalls.Answered(SampleCalls.Arrived(platform, factory.NodeId, at), queue, Guid.CreateVersion7()));
        foreach (var call in new[] { answered, abandoned, foreign })
        {
            await factory.Store.SaveCallAsync(call, Ct);
        }

        return queue;
    }
}
