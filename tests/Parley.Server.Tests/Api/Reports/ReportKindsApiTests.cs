using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Data.Entities.Acd;
using Parley.Data.Entities.Chat;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;
using Parley.Server.Tests.Voice.Records;
using Parley.Voice.Records;

namespace Parley.Server.Tests.Api.Reports;

/// <summary>
/// <c>GET /api/v1/reports/{kind}</c> beyond the queue report: each kind from records the test stores (calls, chats,
/// routing history, ratings), in a day of its own, with another tenant's records beside them that must not count.
/// </summary>
public sealed class ReportKindsApiTests(CallRecordsAppFactory factory) : IClassFixture<CallRecordsAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChannelsAndDispositions_CountCallsAndChats_WithTheirWrapUpCodes()
    {
        var day = new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);
        var (tenant, platform) = await TenantsAsync();
        var queue = Guid.CreateVersion7();
        var call = SampleCalls.Ended(SampleCalls.Answered(SampleCalls.Arrived(tenant, factory.NodeId, day), queue, Guid.CreateVersion7())) with { InteractionId = Guid.CreateVersion7() };
        await factory.Store.SaveCallAsync(call, Ct);
        await factory.Store.SaveCallAsync(SampleCalls.Ended(SampleCalls.Answered(SampleCalls.Arrived(platform, factory.NodeId, day), queue, Guid.CreateVersion7())), Ct);
        var chat = Chat(tenant, queue, day.AddMinutes(5), answered: true);
        var foreignChat = Chat(platform, queue, day.AddMinutes(5), answered: true);
        await factory.WithDatabaseAsync(async db =>
        {
            db.Interactions.AddRange(chat, foreignChat, Chat(tenant, queue, day.AddMinutes(6), answered: false));
            db.RoutingHistory.AddRange(
                WrapUp(tenant, call.InteractionId!.Value, queue, call.EndedAt!.Value.AddSeconds(10), "sale"),
                WrapUp(tenant, chat.Id, queue, chat.ClosedAt!.Value.AddSeconds(30), "sale"),
                WrapUp(platform, foreignChat.Id, queue, foreignChat.ClosedAt!.Value.AddSeconds(5), "foreign"));
            return await db.SaveChangesAsync(Ct);
        });
        using var supervisor = await factory.SignInDemoAsync("supervisor");
        var range = Range(day);

        var channels = await supervisor.JsonAsync($"/api/v1/reports/channels?{range}");
        var dispositions = await supervisor.JsonAsync($"/api/v1/reports/dispositions?{range}");
        var chats = await supervisor.JsonAsync($"/api/v1/reports/queue?{range}&interval=total&channel=chat");

        Assert.Equal(["chat 2", "voice 1"], Labels(channels, "channel"));
        Assert.Equal(["sale 2"], Labels(dispositions, "code"));
        var total = chats.GetProperty("total");
        Assert.Equal((2, 1, 1), (total.GetProperty("offered").GetInt32(), total.GetProperty("answered").GetInt32(), total.GetProperty("abandoned").GetInt32()));
        Assert.Equal(150.0, total.GetProperty("averageHandleTimeSeconds").GetDouble()); // 2 min chatting + 30 s wrap-up
    }

    [Fact]
    public async Task Agents_SplitTimeInStateFromTheRoutingHistory_AndCountHandledCalls()
    {
        var day = new DateTimeOffset(2026, 10, 2, 8, 0, 0, TimeSpan.Zero);
        var (tenant, _) = await TenantsAsync();
        var agent = await factory.WithDatabaseAsync(db => db.Agents.IgnoreQueryFilters().Where(a => a.TenantId == tenant).Select(a => new { a.Id, a.DisplayName }).FirstAsync(Ct));
        await factory.WithDatabaseAsync(async db =>
        {
            db.RoutingHistory.AddRange(
                State(tenant, agent.Id, day.AddHours(-1), "Available", null), // before the range: available at its start
                State(tenant, agent.Id, day.AddMinutes(30), "NotReady", "lunch"),
                State(tenant, agent.Id, day.AddMinutes(90), "Available", null));
            return await db.SaveChangesAsync(Ct);
        });
        await factory.Store.SaveCallAsync(SampleCalls.Ended(SampleCalls.Answered(SampleCalls.Arrived(tenant, factory.NodeId, day.AddMinutes(100)), Guid.CreateVersion7(), agent.Id)), Ct);
        using var supervisor = await factory.SignInDemoAsync("supervisor");

        var report = await supervisor.JsonAsync($"/api/v1/reports/agents?from={Iso(day)}&to={Iso(day.AddHours(2))}&agent={agent.Id}");

        var row = Assert.Single(report.GetProperty("rows").EnumerateArray());
        Assert.Equal(agent.DisplayName, row.GetProperty("agent").GetString());
        Assert.Equal(1, row.GetProperty("handled").GetInt32());
        Assert.Equal(3600.0, row.GetProperty("notReadySeconds").GetDouble());
        Assert.Equal(3600.0, row.GetProperty("availableSeconds").GetDouble());
        Assert.Equal("lunch 3600s", row.GetProperty("notReadyReasons").GetString());
    }

    [Fact]
    public async Task Agents_CountAnOpenStateOnlyUntilNow_NotToTheEndOfTheRange()
    {
        var now = factory.Time.GetUtcNow();
        var (tenant, _) = await TenantsAsync();
        var agent = await factory.WithDatabaseAsync(db => db.Agents.IgnoreQueryFilters().Where(a => a.TenantId == tenant).OrderBy(a => a.Id).Select(a => a.Id).Skip(1).FirstAsync(Ct));
        await factory.WithDatabaseAsync(async db =>
        {
            db.RoutingHistory.AddRange(
                State(tenant, agent, now.AddHours(-2), "LoggedOut", null), // whatever other tests stored for this agent ends before the range
                State(tenant, agent, now.AddMinutes(-10), "Available", null));
            return await db.SaveChangesAsync(Ct);
        });
        using var supervisor = await factory.SignInDemoAsync("supervisor");

        var report = await supervisor.JsonAsync($"/api/v1/reports/agents?from={Iso(now.AddHours(-1))}&to={Iso(now.AddHours(3))}&agent={agent}");

        var row = Assert.Single(report.GetProperty("rows").EnumerateArray());
        Assert.Equal(600.0, row.GetProperty("availableSeconds").GetDouble(), 0.5);
    }

    [Fact]
    public async Task Csat_ReadsTheTenantsChatRatingsOnly()
    {
        var day = new DateTimeOffset(2026, 10, 3, 8, 0, 0, TimeSpan.Zero);
        var (tenant, platform) = await TenantsAsync();
        var queue = Guid.CreateVersion7();
        await factory.WithDatabaseAsync(async db =>
        {
            foreach (var (owner, score) in new[] { (tenant, 5), (tenant, 4), (tenant, 2), (platform, 1) })
            {
                var chat = Chat(owner, queue, day, answered: true);
                db.Interactions.Add(chat);
                db.Set<ChatConversation>().Add(new ChatConversation
                {
                    Id = chat.Id, TenantId = owner, WidgetId = Guid.CreateVersion7(), InteractionId = chat.Id, StartedAt = day, EndedAt = chat.ClosedAt,
                    Rating = score, RatedAt = chat.ClosedAt!.Value.AddSeconds(20),
                });
            }

            return await db.SaveChangesAsync(Ct);
        });
        using var supervisor = await factory.SignInDemoAsync("supervisor");

        var report = await supervisor.JsonAsync($"/api/v1/reports/csat?{Range(day)}");

        var summary = report.GetProperty("summary");
        Assert.Equal(3, summary.GetProperty("ratings").GetInt32());
        Assert.Equal(2.0 / 3, summary.GetProperty("csat").GetDouble(), 6);
        Assert.Equal(11.0 / 3, summary.GetProperty("averageScore").GetDouble(), 6);
    }

    [Fact]
    public async Task Ivr_CountsContainmentAndPathsPerFlow()
    {
        var day = new DateTimeOffset(2026, 10, 4, 8, 0, 0, TimeSpan.Zero);
        var (tenant, platform) = await TenantsAsync();
        var flow = Guid.CreateVersion7();
        const string ToQueue = """[{"flowId":"f","blockId":"start"},{"flowId":"f","blockId":"menu"},{"flowId":"f","blockId":"sales"}]""";
        const string Hours = """[{"flowId":"f","blockId":"start"},{"flowId":"f","blockId":"hours"}]""";
        var queued = SampleCalls.Ended(SampleCalls.Answered(SampleCalls.Arrived(tenant, factory.NodeId, day), Guid.CreateVersion7(), Guid.CreateVersion7()));
        CallRecord[] calls =
        [
            queued with { FlowId = flow, FlowPathJson = ToQueue },
            SampleCalls.Arrived(tenant, factory.NodeId, day.AddMinutes(1)) with
            {
                FlowId = flow, AnsweredByIvrAt = day.AddMinutes(1), EndedAt = day.AddMinutes(2), Disposition = CallDisposition.EndedByFlow, FlowPathJson = Hours,
            },
            SampleCalls.Arrived(tenant, factory.NodeId, day.AddMinutes(3)) with
            {
                FlowId = flow, AnsweredByIvrAt = day.AddMinutes(3), EndedAt = day.AddMinutes(4), Disposition = CallDisposition.AbandonedInIvr, FlowPathJson = Hours,
            },
            SampleCalls.Arrived(platform, factory.NodeId, day) with { FlowId = flow, EndedAt = day.AddMinutes(1), Disposition = CallDisposition.EndedByFlow, FlowPathJson = Hours },
        ];
        foreach (var call in calls)
        {
            await factory.Store.SaveCallAsync(call, Ct);
        }

        using var supervisor = await factory.SignInDemoAsync("supervisor");

        var report = await supervisor.JsonAsync($"/api/v1/reports/ivr?{Range(day)}");
        var paths = await supervisor.JsonAsync($"/api/v1/reports/ivr-paths?{Range(day)}");

        var row = report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("flowId").GetString() == flow.ToString("D"));
        Assert.Equal((3, 1, 1, 1), (row.GetProperty("entered").GetInt32(), row.GetProperty("queued").GetInt32(), row.GetProperty("endedByFlow").GetInt32(), row.GetProperty("abandoned").GetInt32()));
        Assert.Equal(2.0 / 3, row.GetProperty("containment").GetDouble(), 6);
        Assert.Equal("start > hours", row.GetProperty("topPath").GetString());
        Assert.Contains("start > menu > sales 1", Labels(paths, "path"));
    }

    [Fact]
    public async Task Xlsx_IsAWorkbook_AndCsvQuotesText()
    {
        var day = new DateTimeOffset(2026, 10, 5, 8, 0, 0, TimeSpan.Zero);
        using var supervisor = await factory.SignInDemoAsync("supervisor");

        using var xlsx = await supervisor.GetAsync($"/api/v1/reports/queues?{Range(day)}&format=xlsx", Ct);
        using var csv = await supervisor.GetAsync($"/api/v1/reports/abandon?{Range(day)}&format=csv", Ct);

        await xlsx.ExpectAsync(200);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.ContentType());
        var bytes = await xlsx.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        await csv.ExpectAsync(200);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).TrimEnd('\n').Split('\n');
        Assert.Equal("band,count,share", lines[0]);
        Assert.Equal(6, lines.Length);
    }

    [Fact]
    public async Task Csv_DefusesTextASpreadsheetWouldRunAsAFormula()
    {
        var day = new DateTimeOffset(2026, 10, 7, 8, 0, 0, TimeSpan.Zero);
        var (tenant, _) = await TenantsAsync();
        var queue = Guid.CreateVersion7();
        var call = SampleCalls.Ended(SampleCalls.Answered(SampleCalls.Arrived(tenant, factory.NodeId, day), queue, Guid.CreateVersion7())) with { InteractionId = Guid.CreateVersion7() };
        await factory.Store.SaveCallAsync(call, Ct);
        await factory.WithDatabaseAsync(async db =>
        {
            db.RoutingHistory.Add(WrapUp(tenant, call.InteractionId!.Value, queue, call.EndedAt!.Value.AddSeconds(5), "=HYPERLINK(\"http://x\",\"a\")"));
            return await db.SaveChangesAsync(Ct);
        });
        using var supervisor = await factory.SignInDemoAsync("supervisor");

        using var csv = await supervisor.GetAsync($"/api/v1/reports/dispositions?{Range(day)}&format=csv", Ct);

        await csv.ExpectAsync(200);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).TrimEnd('\n').Split('\n');
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\",\"\"a\"\")\",1,1", lines[1]);
    }

    [Fact]
    public async Task UnknownKind_Is404_AndAnAgentIsRefused()
    {
        var range = Range(new DateTimeOffset(2026, 10, 6, 0, 0, 0, TimeSpan.Zero));
        using var supervisor = await factory.SignInDemoAsync("supervisor");
        using var agent = await factory.SignInDemoAsync("agent1");

        await supervisor.JsonAsync($"/api/v1/reports/payroll?{range}", 404);
        await supervisor.JsonAsync($"/api/v1/reports/channels?{range}&channel=fax", 400);
        await agent.JsonAsync($"/api/v1/reports/csat?{range}", 403);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("CSV")]
    public async Task AnUnknownFormat_Is400_NamingTheFormatsAReportComesIn(string format)
    {
        var range = Range(new DateTimeOffset(2026, 10, 6, 0, 0, 0, TimeSpan.Zero));
        using var supervisor = await factory.SignInDemoAsync("supervisor");

        var problem = await supervisor.JsonAsync($"/api/v1/reports/queues?{range}&format={format}", 400);

        var error = problem.GetProperty("errors").GetProperty("format")[0].GetString()!;
        Assert.All(["'json'", "'csv'", "'xlsx'"], accepted => Assert.Contains(accepted, error, StringComparison.Ordinal));
        Assert.Equal("queues", (await supervisor.JsonAsync($"/api/v1/reports/queues?{range}&format=json")).GetProperty("kind").GetString());
    }

    private static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));

    private static string Range(DateTimeOffset day) => $"from={Iso(day.Date)}&to={Iso(day.Date.AddDays(1))}".Replace("%2B00%3A00", "Z", StringComparison.Ordinal);

    private static List<string> Labels(JsonElement report, string key) =>
        report.GetProperty("rows").EnumerateArray().Select(r => $"{r.GetProperty(key).GetString()} {r.GetProperty("count").GetInt32()}").ToList();

    private async Task<(Guid Tenant, Guid Platform)> TenantsAsync()
    {
        var tenant = await factory.DemoTenantIdAsync();
        var platform = await factory.WithDatabaseAsync(db => db.Tenants.Where(t => t.Slug == ParleyAppFactory.PlatformTenant).Select(t => t.Id).SingleAsync(Ct));
        return (tenant, platform);
    }

    /// <summary>A chat that waited 40 s and, when answered, lasted 2 minutes.</summary>
    private static InteractionRecord Chat(Guid tenant, Guid queue, DateTimeOffset at, bool answered) => new()
    {
        Id = Guid.CreateVersion7(), TenantId = tenant, QueueId = queue, Channel = "Chat", EnqueuedAt = at, Status = answered ? "Ended" : "Abandoned",
        AgentId = answered ? Guid.CreateVersion7() : null, AcceptedAt = answered ? at.AddSeconds(40) : null,
        ClosedAt = answered ? at.AddSeconds(160) : at.AddSeconds(90),
    };

    private static RoutingHistoryEntry WrapUp(Guid tenant, Guid interaction, Guid queue, DateTimeOffset at, string code) => new()
    {
        TenantId = tenant, At = at, Kind = "agent.wrap-up-completed", InteractionId = interaction, QueueId = queue, Detail = JsonSerializer.Serialize(new { code, timedOut = false }),
    };

    private static RoutingHistoryEntry State(Guid tenant, Guid agent, DateTimeOffset at, string current, string? reason) => new()
    {
        TenantId = tenant, At = at, Kind = "agent.state-changed", AgentId = agent, Detail = JsonSerializer.Serialize(new { previous = "x", current, reason, forced = false }),
    };
}
