using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Data.Entities.Acd;
using Parley.Server.Reports;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;
using Parley.Server.Tests.Voice.Records;
using Parley.Voice.Records;

namespace Parley.Server.Tests.Api.Reports;

/// <summary>
/// The stored quarter-hour aggregates through the running server: every contact report over a closed range answers
/// exactly what it answered from the raw records, another tenant's records stay out, and a rebuild deletes and stores
/// them again.
/// </summary>
public sealed class ReportAggregatesTests(CallRecordsAppFactory factory) : IClassFixture<CallRecordsAppFactory>
{
    private static readonly DateTimeOffset Day = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly string[] Queries =
    [
        "queue?{0}&interval=15m", "queue?{0}&interval=hour", "queues?{0}", "abandon?{0}", "channels?{0}", "dispositions?{0}",
        "agents?{0}", "queue?{0}&interval=total&channel=chat", "queues?{0}&channel=voice", "ivr?{0}", "ivr-paths?{0}",
        "agents?{0}&agentId={1}",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReportsFromStoredAggregates_EqualTheRawRecomputation_AndARebuildStoresThemAgain()
    {
        var tenant = await factory.DemoTenantIdAsync();
        var platform = await factory.WithDatabaseAsync(db => db.Tenants.Where(t => t.Slug == ParleyAppFactory.PlatformTenant).Select(t => t.Id).SingleAsync(Ct));
        var (sales, support) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var agent = await factory.WithDatabaseAsync(db => db.Agents.IgnoreQueryFilters().Where(a => a.TenantId == tenant).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(Ct));
        for (var i = 0; i < 24; i++)
        {
            var arrived = SampleCalls.Arrived(tenant, factory.NodeId, Day.AddMinutes(7 * i).AddMilliseconds(i * 13));
            arrived = arrived with { FlowId = i % 3 == 0 ? null : Flows[i % 2], FlowPathJson = $$"""[{"blockId":"start"},{"blockId":"menu{{i % 4}}"}]""" };
            var call = i % 4 == 3
                ? arrived with { QueuedAt = arrived.ArrivedAt.AddSeconds(5), QueueId = support, EndedAt = arrived.ArrivedAt.AddSeconds(5 + (i * 9)), Disposition = CallDisposition.AbandonedInQueue }
                : SampleCalls.Ended(SampleCalls.Answered(arrived, i % 2 == 0 ? sales : support, agent)) with
                {
                    InteractionId = Guid.CreateVersion7(), WrapUpEndedAt = arrived.ArrivedAt.AddSeconds(90 + i),
                    FlowId = arrived.FlowId, FlowPathJson = arrived.FlowPathJson,
                };
            await factory.Store.SaveCallAsync(call, Ct);
            if (i % 5 == 0 && call.AnsweredAt is { } answered)
            {
                // The agent passed the caller on: their leg ended "transferred" (calls 0, 5, 10 and 20; 15 was abandoned).
                await factory.Store.SaveLegAsync(SampleCalls.Leg(call, CallParty.Agent, answered) with { AnsweredAt = answered, EndedAt = answered.AddSeconds(20), ReleaseCause = "transferred" }, Ct);
            }
        }

        await factory.Store.SaveCallAsync(SampleCalls.Ended(SampleCalls.Answered(SampleCalls.Arrived(platform, factory.NodeId, Day.AddMinutes(20)), sales, agent)), Ct);
        await factory.WithDatabaseAsync(async db =>
        {
            for (var i = 0; i < 6; i++)
            {
                var at = Day.AddMinutes(11 * i);
                db.Interactions.Add(new InteractionRecord
                {
                    Id = Guid.CreateVersion7(), TenantId = tenant, QueueId = sales, Channel = "Chat", EnqueuedAt = at, Status = i == 5 ? "Abandoned" : "Ended",
                    AgentId = agent, AcceptedAt = i == 5 ? null : at.AddSeconds(25 + i), ClosedAt = at.AddSeconds(200 + i),
                });
            }

            // The agent's states: signed in the evening before (the state at the range's start), then changes across it.
            string[] states = ["Available", "Busy", "AfterCallWork", "NotReady", "Available", "Busy", "Available"];
            for (var i = 0; i < states.Length; i++)
            {
                var at = i == 0 ? Day.AddHours(-10) : Day.AddMinutes((23 * i) + 0.37);
                var detail = states[i] == "NotReady" ? $$"""{"current":"NotReady","reason":"Lunch"}""" : $$"""{"current":"{{states[i]}}"}""";
                db.RoutingHistory.Add(new RoutingHistoryEntry { TenantId = tenant, Kind = "agent.state-changed", AgentId = agent, At = at, Detail = detail });
            }

            return await db.SaveChangesAsync(Ct);
        });
        using var supervisor = await factory.SignInDemoAsync("supervisor");
        var raw = await ReportsAsync(supervisor, agent);
        var job = factory.Services.GetRequiredService<ContactIntervalJob>();

        while (await job.RunOnceAsync(Ct) > 0)
        {
        }

        var stored = await factory.WithDatabaseAsync(db => db.ContactIntervals.IgnoreQueryFilters().Where(c => c.TenantId == tenant).ToListAsync(Ct));
        Assert.InRange(stored.Count, 1, 29);
        Assert.True(await factory.WithDatabaseAsync(db => db.AgentStateIntervals.IgnoreQueryFilters().AnyAsync(c => c.TenantId == tenant, Ct)));
        Assert.True(await factory.WithDatabaseAsync(db => db.IvrIntervals.IgnoreQueryFilters().AnyAsync(c => c.TenantId == tenant, Ct)));
        Assert.Equal(30, stored.Sum(c => c.Count));
        Assert.Equal(raw, await ReportsAsync(supervisor, agent));
        Assert.Contains("\"offered\":30", raw[2], StringComparison.Ordinal); // the other tenant's call is not among them
        Assert.Contains("\"transfers\":4", raw[2], StringComparison.Ordinal);
        Assert.Contains("menu1", raw[10], StringComparison.Ordinal); // the IVR paths and the agent's state time are in them
        Assert.Contains("Lunch", raw[11], StringComparison.Ordinal);

        using (var platformOperator = await factory.SignInOperatorAsync())
        {
            Assert.Equal(403, (int)(await supervisor.PostAsync($"/api/v1/platform/reports/rebuild?from={Day.AddHours(1):yyyy-MM-ddTHH:mm:ssZ}", null, Ct)).StatusCode);
            using var rebuilt = await platformOperator.PostAsync($"/api/v1/platform/reports/rebuild?from={Day.AddHours(1):yyyy-MM-ddTHH:mm:ssZ}&tenantId={tenant}", null, Ct);
            var answer = await (await rebuilt.ExpectAsync(202)).ReadJsonAsync();
            Assert.Equal(stored.Count, answer.GetProperty("deletedRows").GetInt32());
        }

        Assert.Equal(0, await factory.WithDatabaseAsync(db => db.ContactIntervals.IgnoreQueryFilters().CountAsync(c => c.TenantId == tenant, Ct)));
        Assert.Equal(raw, await ReportsAsync(supervisor, agent));
        while (await job.RunOnceAsync(Ct) > 0)
        {
        }

        Assert.Equal(stored.Count, await factory.WithDatabaseAsync(db => db.ContactIntervals.IgnoreQueryFilters().CountAsync(c => c.TenantId == tenant, Ct)));
        Assert.Equal(raw, await ReportsAsync(supervisor, agent));
    }

    private static readonly Guid[] Flows = [Guid.CreateVersion7(), Guid.CreateVersion7()];

    private static async Task<List<string>> ReportsAsync(HttpClient client, Guid agent)
    {
        var range = $"from={Day:yyyy-MM-ddTHH:mm:ssZ}&to={Day.AddHours(4):yyyy-MM-ddTHH:mm:ssZ}";
        var answers = new List<string>();
        foreach (var query in Queries)
        {
            var report = await client.JsonAsync("/api/v1/reports/" + string.Format(System.Globalization.CultureInfo.InvariantCulture, query, range, agent));
            answers.Add(JsonSerializer.Serialize(report));
        }

        return answers;
    }
}
