using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Data.Entities.Acd;
using Parley.Server.Reports;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;
using Parley.Server.Tests.Voice.Records;

namespace Parley.Server.Tests.Api.Reports;

/// <summary>
/// Records that change or arrive after their quarter hours were closed: each save marks the quarters it makes stale,
/// the job sums them again (and closes what lies before its first close), and every report then answers what a rebuild
/// from the raw records answers.
/// </summary>
public sealed class LateRecordAggregatesTests(CallRecordsAppFactory factory) : IClassFixture<CallRecordsAppFactory>
{
    private static readonly DateTimeOffset Day = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly string[] Queries =
    [
        "queue?{0}&interval=15m", "queues?{0}", "abandon?{0}", "channels?{0}", "dispositions?{0}", "agents?{0}",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LateWrapUpsCallsAndOlderImports_AreSummedAgain_AsARebuildWouldSumThem()
    {
        var tenant = await factory.DemoTenantIdAsync();
        var (sales, agent) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var calls = new List<Parley.Voice.Records.CallRecord>();
        for (var i = 0; i < 8; i++)
        {
            var call = SampleCalls.Ended(SampleCalls.Answered(SampleCalls.Arrived(tenant, factory.NodeId, Day.AddMinutes(9 * i)), sales, agent));
            calls.Add(call);
            await factory.Store.SaveCallAsync(call, Ct);
        }

        var chat = new InteractionRecord
        {
            Id = Guid.CreateVersion7(), TenantId = tenant, QueueId = sales, Channel = "Chat", EnqueuedAt = Day.AddMinutes(31), Status = "Ended",
            AgentId = agent, AcceptedAt = Day.AddMinutes(32), ClosedAt = Day.AddMinutes(40),
        };
        await factory.WithDatabaseAsync(db => { db.Interactions.Add(chat); return db.SaveChangesAsync(Ct); });
        using var supervisor = await factory.SignInDemoAsync("supervisor");
        var job = factory.Services.GetRequiredService<ContactIntervalJob>();
        await RunJobAsync(job);
        Assert.Equal(0, await MarksAsync(tenant));
        var closedBefore = await ReportsAsync(supervisor, Day);

        // Late: a wrap-up completed hours later (with a code), a call saved again with its wrap-up, a call imported into
        // a closed quarter, and one imported from the day before the first close.
        await factory.WithDatabaseAsync(db =>
        {
            db.RoutingHistory.Add(new RoutingHistoryEntry
            {
                TenantId = tenant, Kind = "agent.wrap-up-completed", InteractionId = chat.Id, AgentId = agent, At = Day.AddHours(3),
                Detail = """{"code":"Late sale"}""",
            });
            return db.SaveChangesAsync(Ct);
        });
        await factory.Store.SaveCallAsync(calls[2] with { InteractionId = Guid.CreateVersion7(), WrapUpEndedAt = calls[2].EndedAt!.Value.AddMinutes(5) }, Ct);
        await factory.Store.SaveCallAsync(SampleCalls.Ended(SampleCalls.Answered(SampleCalls.Arrived(tenant, factory.NodeId, Day.AddMinutes(50)), sales, agent)), Ct);
        await factory.Store.SaveCallAsync(SampleCalls.Ended(SampleCalls.Answered(SampleCalls.Arrived(tenant, factory.NodeId, Day.AddHours(-22)), sales, agent)), Ct);
        Assert.InRange(await MarksAsync(tenant), 3, 10);
        var stale = await ReportsAsync(supervisor, Day);
        Assert.Equal(closedBefore, stale); // the stored quarters do not know the late records yet

        await RunJobAsync(job);
        Assert.Equal(0, await MarksAsync(tenant));
        var summedAgain = await ReportsAsync(supervisor, Day);
        var dayBefore = await ReportsAsync(supervisor, Day.AddDays(-1));
        Assert.NotEqual(stale, summedAgain);
        Assert.Contains("\"offered\":10", summedAgain[1], StringComparison.Ordinal);
        Assert.Contains("Late sale", summedAgain[4], StringComparison.Ordinal);
        Assert.Contains("\"offered\":1", dayBefore[1], StringComparison.Ordinal);
        Assert.True(await factory.WithDatabaseAsync(db => db.ContactIntervalCloses.IgnoreQueryFilters().AnyAsync(c => c.TenantId == tenant && c.From <= Day.AddHours(-22), Ct)));

        await job.RebuildFromAsync(tenant, Day.AddDays(-2), Ct);
        await RunJobAsync(job);
        Assert.Equal(summedAgain, await ReportsAsync(supervisor, Day));
        Assert.Equal(dayBefore, await ReportsAsync(supervisor, Day.AddDays(-1)));
    }

    private static async Task RunJobAsync(ContactIntervalJob job)
    {
        while (await job.RunOnceAsync(Ct) > 0)
        {
        }
    }

    private Task<int> MarksAsync(Guid tenant) =>
        factory.WithDatabaseAsync(db => db.StaleContactIntervals.IgnoreQueryFilters().CountAsync(m => m.TenantId == tenant, Ct));

    private static async Task<List<string>> ReportsAsync(HttpClient client, DateTimeOffset day)
    {
        var range = $"from={day:yyyy-MM-ddTHH:mm:ssZ}&to={day.AddHours(4):yyyy-MM-ddTHH:mm:ssZ}";
        var answers = new List<string>();
        foreach (var query in Queries)
        {
            var report = await client.JsonAsync("/api/v1/reports/" + string.Format(System.Globalization.CultureInfo.InvariantCulture, query, range));
            answers.Add(JsonSerializer.Serialize(report));
        }

        return answers;
    }
}
