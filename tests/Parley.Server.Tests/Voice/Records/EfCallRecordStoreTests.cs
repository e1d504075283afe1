using Microsoft.EntityFrameworkCore;
using Parley.Data.Entities.Voice;
using Parley.Data.Tenancy;
using Parley.Voice.Records;

namespace Parley.Server.Tests.Voice.Records;

/// <summary>The CDR store on the real server and SQLite file: upserts, durations, group commit, failures, tenants.</summary>
public sealed class EfCallRecordStoreTests(CallRecordsAppFactory factory) : IClassFixture<CallRecordsAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SavesOfOneCall_UpsertByItsId_LaterValuesWin_AndClosingComputesTheDurations()
    {
        var tenant = await factory.DemoTenantIdAsync();
        var arrived = SampleCalls.Arrived(tenant, factory.NodeId, factory.Time.GetUtcNow());
        await factory.Store.SaveCallAsync(arrived, Ct);
        var open = await RowAsync(arrived.Id);
        Assert.Null(open.EndedAt);
        Assert.Null(open.TalkMs);

        var answered = SampleCalls.Answered(arrived, Guid.CreateVersion7(), Guid.CreateVersion7());
        await factory.Store.SaveCallAsync(answered, Ct);
        await factory.Store.SaveCallAsync(SampleCalls.Ended(answered), Ct);

        var row = await RowAsync(arrived.Id);
        Assert.Equal((answered.QueueId, answered.AgentId, "Answered", "normal", "Caller"), (row.QueueId, row.AgentId, row.Disposition, row.ReleaseCause, row.ReleasedBy));
        Assert.Equal(arrived.ArrivedAt.AddSeconds(90), row.EndedAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal((10_000L, 20_000L, 5_000L, 53_000L, 7_000L), (row.IvrMs, row.WaitMs, row.RingMs, row.TalkMs, row.HoldMs));
        Assert.Null(row.WrapUpMs);
        Assert.Equal(1, await factory.WithDatabaseAsync(db => db.Set<CallRecordRow>().IgnoreQueryFilters().CountAsync(c => c.Id == arrived.Id, Ct)));
    }

    [Fact]
    public async Task LegSaves_UpsertByTheirId_AndAnEndedLegHasRingAndTalkTime()
    {
        var tenant = await factory.DemoTenantIdAsync();
        var call = SampleCalls.Arrived(tenant, factory.NodeId, factory.Time.GetUtcNow());
        var leg = SampleCalls.Leg(call, CallParty.Agent, call.ArrivedAt);
        await factory.Store.SaveLegAsync(leg, Ct);
        await factory.Store.SaveLegAsync(leg with { RingingAt = leg.CreatedAt.AddSeconds(1), AnsweredAt = leg.CreatedAt.AddSeconds(4) }, Ct);
        await factory.Store.SaveLegAsync(leg with { RingingAt = leg.CreatedAt.AddSeconds(1), AnsweredAt = leg.CreatedAt.AddSeconds(4), EndedAt = leg.CreatedAt.AddSeconds(34), SipStatus = 200, ReleaseCause = "normal" }, Ct);

        var row = await factory.WithDatabaseAsync(db => db.Set<CallLegRow>().IgnoreQueryFilters().SingleAsync(l => l.Id == leg.Id, Ct));
        Assert.Equal((3_000L, 30_000L, 200, "Agent"), (row.RingMs, row.TalkMs, row.SipStatus, row.Party));
    }

    [Fact]
    public async Task SavesQueuedWhileACommitRuns_AreCommittedTogetherInOneTransaction()
    {
        var tenant = await factory.DemoTenantIdAsync();
        var now = factory.Time.GetUtcNow();
        factory.Gate.Reset();
        factory.Gate.HoldNext();
        var first = factory.Store.SaveCallAsync(SampleCalls.Arrived(tenant, factory.NodeId, now), Ct).AsTask();
        await factory.Gate.Held.Task.WaitAsync(Ct);

        var calls = Enumerable.Range(0, 200).Select(i => SampleCalls.Arrived(tenant, factory.NodeId, now.AddMilliseconds(i))).ToList();
        var batchesBefore = factory.EfStore.Writer.Batches;
        var saves = calls.Select(c => factory.Store.SaveCallAsync(c, Ct).AsTask()).ToList();
        Assert.All(saves, s => Assert.False(s.IsCompleted));
        factory.Gate.Release();
        await first;
        await Task.WhenAll(saves);

        Assert.Equal(1, factory.EfStore.Writer.Batches - batchesBefore);
        Assert.Equal((2, 0), (factory.Gate.InsertTransactions, factory.Gate.InsertsWithoutTransaction));
        var ids = calls.Select(c => c.Id).ToList();
        Assert.Equal(200, await factory.WithDatabaseAsync(db => db.Set<CallRecordRow>().IgnoreQueryFilters().CountAsync(c => ids.Contains(c.Id), Ct)));
    }

    [Fact]
    public async Task ManyConcurrentCallers_AllTheirSavesAreCommitted_InFarFewerTransactionsThanSaves()
    {
        var tenant = await factory.DemoTenantIdAsync();
        var now = factory.Time.GetUtcNow();
        factory.Gate.Reset();
        var calls = Enumerable.Range(0, 64).Select(i => SampleCalls.Arrived(tenant, factory.NodeId, now.AddMilliseconds(i))).ToList();

        await Task.WhenAll(calls.Select(c => Task.Run(async () =>
        {
            await factory.Store.SaveCallAsync(c, Ct);
            var answered = SampleCalls.Answered(c, Guid.CreateVersion7(), Guid.CreateVersion7());
            await factory.Store.SaveCallAsync(answered, Ct);
            await factory.Store.SaveCallAsync(SampleCalls.Ended(answered), Ct);
        }, Ct)));

        var ids = calls.Select(c => c.Id).ToList();
        var closed = await factory.WithDatabaseAsync(db => db.Set<CallRecordRow>().IgnoreQueryFilters().CountAsync(c => ids.Contains(c.Id) && c.TalkMs == 53_000, Ct));
        Assert.Equal(64, closed);
        Assert.Equal(0, factory.Gate.InsertsWithoutTransaction);
        Assert.InRange(factory.Gate.InsertTransactions, 1, 63);
    }

    [Fact]
    public async Task AFailedCommit_FailsItsSaves_AndLeavesNoRow_ThenTheStoreGoesOn()
    {
        var tenant = await factory.DemoTenantIdAsync();
        var call = SampleCalls.Arrived(tenant, factory.NodeId, factory.Time.GetUtcNow());
        factory.Gate.FailInserts(true);
        try
        {
            var failed = await Assert.ThrowsAsync<DbUpdateException>(() => factory.Store.SaveCallAsync(call, Ct).AsTask());
            Assert.IsType<IOException>(failed.InnerException);
        }
        finally
        {
            factory.Gate.FailInserts(false);
        }

        Assert.False(await factory.WithDatabaseAsync(db => db.Set<CallRecordRow>().IgnoreQueryFilters().AnyAsync(c => c.Id == call.Id, Ct)));
        await factory.Store.SaveCallAsync(call, Ct);
        Assert.Equal(call.CallerNumber, (await RowAsync(call.Id)).CallerNumber);
    }

    [Fact]
    public async Task ASaveThatWouldMoveARecordToAnotherTenant_IsRefused_AndTheRecordIsUnchanged()
    {
        var tenant = await factory.DemoTenantIdAsync();
        var platform = await factory.WithDatabaseAsync(db => db.Tenants.Where(t => t.Slug == "platform").Select(t => t.Id).SingleAsync(Ct));
        var call = SampleCalls.Arrived(tenant, factory.NodeId, factory.Time.GetUtcNow());
        await factory.Store.SaveCallAsync(call, Ct);

        await Assert.ThrowsAsync<CrossTenantWriteException>(() => factory.Store.SaveCallAsync(call with { TenantId = platform, CallerNumber = "+1999" }, Ct).AsTask());

        var row = await RowAsync(call.Id);
        Assert.Equal((tenant, call.CallerNumber), (row.TenantId, row.CallerNumber));
    }

    private Task<CallRecordRow> RowAsync(Guid id) =>
        factory.WithDatabaseAsync(db => db.Set<CallRecordRow>().IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == id, Ct));
}
