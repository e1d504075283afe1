using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Data.Entities.Voice;
using Parley.Server.Tests.Support;
using Parley.Testing.Postgres;
using Parley.Voice.Nodes;
using Parley.Voice.Records;

namespace Parley.Server.Tests.Voice.Records;

/// <summary>
/// The CDR store's upserts on both databases: a batch's rows are read back by their ids as one array parameter, which each
/// provider translates its own way (<c>json_each</c> on SQLite, an array on PostgreSQL); a row that is not found would be
/// inserted a second time and fail the commit.
/// </summary>
public sealed class CallRecordStoreDatabaseTests(PostgresCluster postgres) : IClassFixture<PostgresCluster>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task LaterSavesOfCallsAndLegs_FindTheirRows_OneAtATimeAndInOneBatch(string database)
    {
        await using var server = await StartAsync(database);
        var store = server.Services.GetRequiredService<ICallRecordStore>();
        var tenant = await server.DemoTenantIdAsync();
        var node = server.Services.GetRequiredService<IVoiceNode>().Id;
        var calls = Enumerable.Range(0, 5).Select(_ => SampleCalls.Arrived(tenant, node, server.Time.GetUtcNow())).ToList();
        var legs = calls.Select(c => SampleCalls.Leg(c, CallParty.Caller, c.ArrivedAt)).ToList();
        foreach (var (call, leg) in calls.Zip(legs))
        {
            await store.SaveCallAsync(call, Ct);
            await store.SaveLegAsync(leg, Ct);
        }

        // Every later save at once: whichever batches they fall into, each finds the row its first save wrote.
        var answered = calls.Select(c => SampleCalls.Answered(c, Guid.CreateVersion7(), Guid.CreateVersion7())).ToList();
        await Task.WhenAll(answered.Select(a => store.SaveCallAsync(SampleCalls.Ended(a), Ct).AsTask())
            .Concat(legs.Select(l => store.SaveLegAsync(l with { AnsweredAt = l.CreatedAt.AddSeconds(2), EndedAt = l.CreatedAt.AddSeconds(12) }, Ct).AsTask())));

        var ids = calls.Select(c => c.Id).ToList();
        var rows = await server.WithDatabaseAsync(db => db.Set<CallRecordRow>().IgnoreQueryFilters().Where(r => ids.Contains(r.Id)).ToListAsync(Ct));
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal(("Answered", "normal"), (r.Disposition, r.ReleaseCause)));
        var legIds = legs.Select(l => l.Id).ToList();
        var legRows = await server.WithDatabaseAsync(db => db.Set<CallLegRow>().IgnoreQueryFilters().Where(l => legIds.Contains(l.Id)).ToListAsync(Ct));
        Assert.Equal(5, legRows.Count);
        Assert.All(legRows, l => Assert.Equal(10_000L, l.TalkMs));
    }

    private Task<ParleyAppFactory> StartAsync(string database) => BothDatabases.StartAsync(postgres, database, "call_records");
}
