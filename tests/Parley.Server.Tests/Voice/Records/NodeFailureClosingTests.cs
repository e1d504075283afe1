using Microsoft.EntityFrameworkCore;
using Parley.Data.Entities.Voice;
using Parley.Voice.Records;

namespace Parley.Server.Tests.Voice.Records;

/// <summary>A node that died with calls on it closes their records at its next start, before SIP listens.</summary>
public sealed class NodeFailureClosingTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("parley-cdr-restart-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Restart_ClosesThisNodesOpenCallsAndLegs_WithNodeFailure_AndLeavesOtherNodesAndClosedCallsAlone()
    {
        CallRecord talking, otherNode, finished;
        CallLegRecord callerLeg, endedLeg;
        string nodeId;
        DateTimeOffset started;
        await using (var before = new RestartedCallRecordsAppFactory(_directory))
        {
            var tenant = await before.DemoTenantIdAsync();
            nodeId = before.NodeId;
            started = before.Time.GetUtcNow();
            talking = SampleCalls.Answered(SampleCalls.Arrived(tenant, nodeId, started), Guid.CreateVersion7(), Guid.CreateVersion7());
            otherNode = SampleCalls.Arrived(tenant, "node-b", started);
            finished = SampleCalls.Ended(SampleCalls.Answered(SampleCalls.Arrived(tenant, nodeId, started), Guid.CreateVersion7(), Guid.CreateVersion7()));
            callerLeg = SampleCalls.Leg(talking, CallParty.Caller, started) with { AnsweredAt = started };
            endedLeg = SampleCalls.Leg(talking, CallParty.Agent, started.AddSeconds(25)) with { EndedAt = started.AddSeconds(28), SipStatus = 486, ReleaseCause = "busy" };
            await Task.WhenAll(
                before.Store.SaveCallAsync(talking, Ct).AsTask(),
                before.Store.SaveCallAsync(otherNode, Ct).AsTask(),
                before.Store.SaveCallAsync(finished, Ct).AsTask(),
                before.Store.SaveLegAsync(callerLeg, Ct).AsTask(),
                before.Store.SaveLegAsync(endedLeg, Ct).AsTask());
        }

        await using var after = new RestartedCallRecordsAppFactory(_directory);
        var restartedAt = started.AddMinutes(5);
        after.Time.SetUtcNow(restartedAt);
        Assert.Equal(nodeId, after.NodeId);

        var rows = await after.WithDatabaseAsync(db => db.Set<CallRecordRow>().IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(c => c.Id, Ct));
        var closed = rows[talking.Id];
        Assert.Equal(("NodeFailure", "node_failure", "System"), (closed.Disposition, closed.ReleaseCause, closed.ReleasedBy));
        Assert.Equal(restartedAt, closed.EndedAt!.Value, TimeSpan.FromMilliseconds(1));
        AssertNear((long)(restartedAt - talking.AnsweredAt!.Value).TotalMilliseconds, closed.TalkMs!.Value);

        Assert.Null(rows[otherNode.Id].EndedAt);
        Assert.Equal(("Answered", "normal"), (rows[finished.Id].Disposition, rows[finished.Id].ReleaseCause));
        Assert.Equal(finished.EndedAt!.Value, rows[finished.Id].EndedAt!.Value, TimeSpan.FromMilliseconds(1));

        var legs = await after.WithDatabaseAsync(db => db.Set<CallLegRow>().IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(l => l.Id, Ct));
        Assert.Equal("node_failure", legs[callerLeg.Id].ReleaseCause);
        Assert.Equal(restartedAt, legs[callerLeg.Id].EndedAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal("busy", legs[endedLeg.Id].ReleaseCause);
        Assert.Equal(started.AddSeconds(28), legs[endedLeg.Id].EndedAt!.Value, TimeSpan.FromMilliseconds(1));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }

        return ValueTask.CompletedTask;
    }

    private static void AssertNear(long expected, long actual) => Assert.InRange(actual, expected - 1, expected + 1);
}
