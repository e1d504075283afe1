using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Analytics.Tallies;
using Parley.Cluster.Routing.Ports;
using Parley.Routing.Agents;
using Parley.Routing.Channels;
using Parley.Routing.Events;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;
using Parley.Server.Tests.Support;
using Parley.Testing.Postgres;

namespace Parley.Server.Tests.Acd;

/// <summary>
/// A routing save writes the same rows on both databases: EF's change tracker on SQLite, one <c>unnest</c> insert per
/// table ahead of the rest of the transaction on PostgreSQL (<c>PostgresRoutingSave</c>). Each test runs on both.
/// </summary>
public sealed class RoutingSaveTests(PostgresCluster postgres) : IClassFixture<PostgresCluster>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task ASaveThatCreatesAndChangesInteractions_WritesEveryColumn_AndTheirHistory(string database)
    {
        await using var server = await StartAsync(database);
        var (store, tenant, epoch, queue) = await OwnTheTenantAsync(server);
        var now = Millisecond(server.Time.GetUtcNow());
        var (waiting, abandoned) = (Guid.NewGuid(), Guid.NewGuid());
        var changes = new RoutingChanges(
            [
                new NewInteraction(waiting.ToString(), queue.ToString(), Channel.Email, 3, new Dictionary<string, string> { ["crm"] = "42" }, now, 1_000_001),
                new NewInteraction(abandoned.ToString(), queue.ToString(), Channel.Chat, 0, new Dictionary<string, string>(), now, 1_000_002),
            ],
            [new InteractionChange(abandoned.ToString(), InteractionChangeKind.Abandoned, now.AddSeconds(1))],
            [],
            [
                new InteractionQueued(now, Id(waiting), new QueueId(queue.ToString()), Channel.Email, 3, now, 1, null),
                new InteractionAbandoned(now.AddSeconds(1), Id(abandoned), new QueueId(queue.ToString()), TimeSpan.FromSeconds(1)),
            ]);

        await store.SaveAsync(tenant, epoch, changes, Ct);

        var rows = await server.WithDatabaseAsync(db => db.Interactions.IgnoreQueryFilters().Where(i => i.Id == waiting || i.Id == abandoned).ToDictionaryAsync(i => i.Id, Ct));
        var row = rows[waiting];
        Assert.Equal(
            (tenant, queue, "Email", 3, "42", now, 1_000_001L, "Waiting", 1L, (Guid?)null, (DateTimeOffset?)null),
            (row.TenantId, row.QueueId, row.Channel, row.Priority, JsonDocument.Parse(row.Attributes).RootElement.GetProperty("crm").GetString(),
                row.EnqueuedAt, row.Sequence, row.Status, row.Version, row.AgentId, row.ClosedAt));
        Assert.Equal(("Abandoned", now.AddSeconds(1)), (rows[abandoned].Status, rows[abandoned].ClosedAt));

        var history = await server.WithDatabaseAsync(db => db.RoutingHistory.IgnoreQueryFilters()
            .Where(h => h.InteractionId == waiting || h.InteractionId == abandoned).OrderBy(h => h.Id).ToListAsync(Ct));
        Assert.Equal(
            [("interaction.queued", waiting, now), ("interaction.abandoned", abandoned, now.AddSeconds(1))],
            history.Select(h => (h.Kind, h.InteractionId!.Value, h.At)));
        Assert.All(history, h => Assert.Equal((tenant, (Guid?)queue, (Guid?)null), (h.TenantId, h.QueueId, h.AgentId)));
        Assert.Equal(1, JsonDocument.Parse(history[0].Detail).RootElement.GetProperty("position").GetInt32());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task ASaveUnderAnOlderClaim_WritesNoRowAtAll(string database)
    {
        await using var server = await StartAsync(database);
        var (store, tenant, older, queue) = await OwnTheTenantAsync(server);
        var newer = await store.ClaimAsync(tenant, Ct);
        var now = server.Time.GetUtcNow();
        var id = Guid.NewGuid();
        var changes = new RoutingChanges(
            [new NewInteraction(id.ToString(), queue.ToString(), Channel.Chat, 0, new Dictionary<string, string>(), now, 1_000_000)],
            [],
            [],
            [new InteractionQueued(now, Id(id), new QueueId(queue.ToString()), Channel.Chat, 0, now, 1, null)]);

        await Assert.ThrowsAsync<RoutingOwnershipLostException>(() => store.SaveAsync(tenant, older, changes, Ct));
        Assert.Equal((0, 0), await RowsOfAsync(server, id));

        await store.SaveAsync(tenant, newer, changes, Ct);
        Assert.Equal((1, 1), await RowsOfAsync(server, id));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task CreatedAndWrappedUpInteractionsOfAClosedQuarter_MarkItStale(string database)
    {
        await using var server = await StartAsync(database);
        var (store, tenant, epoch, queue) = await OwnTheTenantAsync(server);
        var longAgo = server.Time.GetUtcNow().AddHours(-3);
        var id = Guid.NewGuid();
        var created = new RoutingChanges(
            [new NewInteraction(id.ToString(), queue.ToString(), Channel.Chat, 0, new Dictionary<string, string>(), longAgo, 1_000_000)], [], [], []);

        await store.SaveAsync(tenant, epoch, created, Ct);
        Assert.Contains(ContactTallies.QuarterOf(longAgo), await TakeStaleQuartersAsync(server, tenant));

        var agent = Guid.NewGuid().ToString();
        var wrappedUp = new RoutingChanges([], [], [],
            [new WrapUpCompleted(server.Time.GetUtcNow(), new AgentId(agent), Id(id), new QueueId(queue.ToString()), "sale", TimedOut: false)]);
        await store.SaveAsync(tenant, epoch, wrappedUp, Ct);
        Assert.Contains(ContactTallies.QuarterOf(longAgo), await TakeStaleQuartersAsync(server, tenant));
    }

    private Task<ParleyAppFactory> StartAsync(string database) => BothDatabases.StartAsync(postgres, database, "routing_save");

    /// <summary>Claims the demo tenant's routing as a new activation would (the grain's own activation steps down).</summary>
    private static async Task<(IRoutingStore Store, Guid Tenant, long Epoch, Guid Support)> OwnTheTenantAsync(ParleyAppFactory server)
    {
        var tenant = await server.DemoTenantIdAsync();
        var store = server.Services.GetRequiredService<IRoutingStore>();
        var epoch = await store.ClaimAsync(tenant, Ct);
        var support = await server.WithDatabaseAsync(db => db.Queues.IgnoreQueryFilters()
            .Where(q => q.TenantId == tenant && q.Name == "Support").Select(q => q.Id).SingleAsync(Ct));
        return (store, tenant, epoch, support);
    }

    private static Task<(int Interactions, int History)> RowsOfAsync(ParleyAppFactory server, Guid id) =>
        server.WithDatabaseAsync(async db => (
            await db.Interactions.IgnoreQueryFilters().CountAsync(i => i.Id == id, Ct),
            await db.RoutingHistory.IgnoreQueryFilters().CountAsync(h => h.InteractionId == id, Ct)));

    private static Task<List<DateTimeOffset>> TakeStaleQuartersAsync(ParleyAppFactory server, Guid tenant) =>
        server.WithDatabaseAsync(async db =>
        {
            var marks = await db.StaleContactIntervals.IgnoreQueryFilters().Where(s => s.TenantId == tenant).ToListAsync(Ct);
            db.StaleContactIntervals.RemoveRange(marks);
            await db.SaveChangesAsync(Ct);
            return marks.Select(m => m.QuarterStart).ToList();
        });

    private static InteractionId Id(Guid id) => new(id.ToString());

    private static DateTimeOffset Millisecond(DateTimeOffset at) => new(at.Ticks - at.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}
