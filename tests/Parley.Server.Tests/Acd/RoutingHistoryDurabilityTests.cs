using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Acd;

/// <summary>
/// Acknowledged routing work is durable with its record: the interaction row, its routing history and its webhook
/// delivery rows are committed together before the reply, or not at all.
/// </summary>
public sealed class RoutingHistoryDurabilityTests : IAsyncLifetime
{
    private const string ClosedPortHook = "http://127.0.0.1:9/hook";
    private readonly string _directory = Directory.CreateTempSubdirectory("parley-history-").FullName;

    [Fact]
    public async Task FailureBetweenStateAndHistory_AnswersProblemDetails_AndLeavesNoRowOfTheCommand()
    {
        await using var server = new DurabilityAppFactory(_directory);
        using var admin = await server.SignInDemoAsync("admin");
        await admin.PostJsonAsync("/api/v1/webhooks", new { url = ClosedPortHook }, 201);
        using var api = await server.ApiClientAsync();
        var support = await api.IdByAsync("/api/v1/queues", "name", "Support");
        var before = await CountsAsync(server);

        server.Fault.Arm();
        using var response = await api.PostAsJsonAsync("/api/v1/interactions", new { queueId = support, channel = "Chat", attributes = new { } }, TestContext.Current.CancellationToken);
        var firedAfterState = server.Fault.FiredAfterStateWrite;
        server.Fault.Disarm();

        Assert.True(firedAfterState, "the fault did not fire between the interaction row and the history rows");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountsAsync(server));

        var id = await api.CreateInteractionAsync(support, "Chat");
        var (history, deliveries) = await RowsOfAsync(server, id);
        Assert.Contains("interaction.queued", history);
        Assert.Contains("interaction.queued", deliveries);
        Assert.Equal(before.Interactions + 1, (await CountsAsync(server)).Interactions);
    }

    [Fact]
    public async Task AfterRestart_EveryAcknowledgedInteraction_HasItsHistoryAndWebhookDelivery()
    {
        var ids = new List<Guid>();
        await using (var crashing = new DurabilityAppFactory(_directory, dropLiveEvents: true))
        {
            using var admin = await crashing.SignInDemoAsync("admin");
            await admin.PostJsonAsync("/api/v1/webhooks", new { url = ClosedPortHook, eventTypes = new[] { "interaction.queued" } }, 201);
            using var api = await crashing.ApiClientAsync();
            var support = await api.IdByAsync("/api/v1/queues", "name", "Support");
            for (var n = 0; n < 6; n++)
            {
                ids.Add(await api.CreateInteractionAsync(support, n % 2 == 0 ? "Chat" : "Email"));
            }
        }

        await using var restarted = new DurabilityAppFactory(_directory);
        using var client = await restarted.ApiClientAsync();
        foreach (var id in ids)
        {
            var (history, deliveries) = await RowsOfAsync(restarted, id);
            Assert.Equal(["interaction.queued"], history.Where(k => k == "interaction.queued"));
            Assert.Equal(["interaction.queued"], deliveries);
            var read = await client.JsonAsync($"/api/v1/interactions/{id}");
            Assert.Contains(read.GetProperty("history").EnumerateArray(), h => h.GetProperty("kind").GetString() == "interaction.queued");
        }
    }

    private static Task<Counts> CountsAsync(ParleyAppFactory server) => server.WithDatabaseAsync(async db => new Counts(
        await db.Interactions.IgnoreQueryFilters().CountAsync(TestContext.Current.CancellationToken),
        await db.RoutingHistory.IgnoreQueryFilters().CountAsync(TestContext.Current.CancellationToken),
        await db.WebhookDeliveries.IgnoreQueryFilters().CountAsync(TestContext.Current.CancellationToken)));

    /// <summary>The kinds of the interaction's history rows and the event types of its webhook delivery rows.</summary>
    private static Task<(List<string> History, List<string> Deliveries)> RowsOfAsync(ParleyAppFactory server, Guid id) => server.WithDatabaseAsync(async db =>
    {
        var history = await db.RoutingHistory.IgnoreQueryFilters().Where(h => h.InteractionId == id).OrderBy(h => h.Id).Select(h => h.Kind).ToListAsync(TestContext.Current.CancellationToken);
        var text = id.ToString();
        var deliveries = await db.WebhookDeliveries.IgnoreQueryFilters().Where(d => d.Payload.Contains(text)).Select(d => d.EventType).ToListAsync(TestContext.Current.CancellationToken);
        return (history, deliveries);
    });

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

    private sealed record Counts(int Interactions, int History, int Deliveries);
}
