using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;
using Parley.Server.Tests.Voice.Records;
using Parley.Voice.Records;

namespace Parley.Server.Tests.Api.Calls;

/// <summary><c>GET /api/v1/calls</c>: filters, newest-first cursor paging, one call with legs, permissions and tenants.</summary>
public sealed class CallsApiTests(CallRecordsAppFactory factory) : IClassFixture<CallRecordsAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_PagesNewestFirstByCursor_VisitingEveryCallOnce_EvenWhenArrivalsTie()
    {
        var (from, calls) = await SeedAsync(day: 1);
        using var supervisor = await factory.SignInDemoAsync("supervisor");

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await supervisor.JsonAsync($"/api/v1/calls?from={Iso(from)}&to={Iso(from.AddDays(1))}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null);

        var expected = calls.OrderByDescending(c => c.ArrivedAt).ThenByDescending(c => c.Id).Select(c => c.Id).ToList();
        Assert.Equal(3, pages);
        Assert.Equal(expected.Count, seen.Count);
        Assert.Equal(expected.ToHashSet(), seen.ToHashSet());
        Assert.Equal(calls.OrderByDescending(c => c.ArrivedAt).Select(c => c.ArrivedAt), seen.Select(id => calls.Single(c => c.Id == id).ArrivedAt));
    }

    [Fact]
    public async Task List_FiltersByQueueAgentNumbersDispositionAndArrival()
    {
        var (from, calls) = await SeedAsync(day: 2);
        using var supervisor = await factory.SignInDemoAsync("supervisor");
        var window = $"from={Iso(from)}&to={Iso(from.AddDays(1))}";

        async Task<Guid[]> IdsAsync(string query) =>
            [.. (await supervisor.JsonAsync($"/api/v1/calls?{(query.StartsWith("from=", StringComparison.Ordinal) ? "" : window + "&")}{query}"))
                .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Order()];
        Guid[] Expected(Func<CallRecord, bool> match) => [.. calls.Where(match).Select(c => c.Id).Order()];

        Assert.Equal(Expected(c => c.QueueId == Queue), await IdsAsync($"queueId={Queue}"));
        Assert.Equal(Expected(c => c.AgentId == Agent), await IdsAsync($"agentId={Agent}"));
        Assert.Equal(Expected(c => c.CallerNumber == "+4930111"), await IdsAsync("callerNumber=%2B4930111"));
        Assert.Equal(Expected(c => c.CalledNumber == "+15550199"), await IdsAsync("calledNumber=%2B15550199"));
        Assert.Equal(Expected(c => c.Disposition == CallDisposition.AbandonedInQueue), await IdsAsync("disposition=abandonedInQueue"));
        Assert.Equal(Expected(c => c.EndedAt is null), await IdsAsync("disposition=Open"));
        Assert.Equal(Expected(c => c.ArrivedAt >= from.AddHours(2)), await IdsAsync($"from={Iso(from.AddHours(2))}&to={Iso(from.AddDays(1))}"));
        Assert.NotEmpty(await IdsAsync($"queueId={Queue}"));
        Assert.NotEmpty(await IdsAsync("disposition=Open"));
    }

    [Fact]
    public async Task Get_ReturnsTheCallWithItsLegsFlowPathAndDurationsInSeconds()
    {
        var tenant = await factory.DemoTenantIdAsync();
        var call = SampleCalls.Ended(SampleCalls.Answered(SampleCalls.Arrived(tenant, factory.NodeId, factory.Time.GetUtcNow()), Queue, Agent));
        var caller = SampleCalls.Leg(call, CallParty.Caller, call.ArrivedAt) with { AnsweredAt = call.ArrivedAt, EndedAt = call.EndedAt };
        var agentLeg = SampleCalls.Leg(call, CallParty.Agent, call.OfferedAt!.Value) with { AnsweredAt = call.AnsweredAt, EndedAt = call.EndedAt, SipStatus = 200 };
        await factory.Store.SaveCallAsync(call, Ct);
        await factory.Store.SaveLegAsync(agentLeg, Ct);
        await factory.Store.SaveLegAsync(caller, Ct);
        using var supervisor = await factory.SignInDemoAsync("supervisor");

        var json = await supervisor.JsonAsync($"/api/v1/calls/{call.Id}");

        Assert.Equal(("Inbound", "Answered", "normal", "Caller"), (json.GetProperty("direction").GetString(), json.GetProperty("disposition").GetString(),
            json.GetProperty("releaseCause").GetString(), json.GetProperty("releasedBy").GetString()));
        Assert.Equal((10.0, 20.0, 5.0, 53.0, 7.0), (json.GetProperty("ivrSeconds").GetDouble(), json.GetProperty("waitSeconds").GetDouble(),
            json.GetProperty("ringSeconds").GetDouble(), json.GetProperty("talkSeconds").GetDouble(), json.GetProperty("holdSeconds").GetDouble()));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("wrapUpSeconds").ValueKind);
        Assert.Equal(3, json.GetProperty("flowVersion").GetInt32());
        Assert.Equal("2", json.GetProperty("flowPath")[1].GetProperty("input").GetString());
        var legs = json.GetProperty("legs").EnumerateArray().ToList();
        Assert.Equal(["Caller", "Agent"], legs.Select(l => l.GetProperty("party").GetString()));
        Assert.Equal((200, 60.0), (legs[1].GetProperty("sipStatus").GetInt32(), legs[1].GetProperty("talkSeconds").GetDouble()));
    }

    [Fact]
    public async Task AnotherTenantsCall_Answers404_AndNeverAppearsInTheList()
    {
        var platform = await factory.WithDatabaseAsync(db => db.Tenants.Where(t => t.Slug == ParleyAppFactory.PlatformTenant).Select(t => t.Id).SingleAsync(Ct));
        var foreign = SampleCalls.Arrived(platform, factory.NodeId, factory.Time.GetUtcNow(), caller: "+4930999");
        await factory.Store.SaveCallAsync(foreign, Ct);
        using var admin = await factory.SignInDemoAsync("admin");

        using var response = await admin.GetAsync($"/api/v1/calls/{foreign.Id}", Ct);
        await response.ExpectAsync(404);
        Assert.Equal("application/problem+json", response.ContentType());
        var list = await admin.JsonAsync("/api/v1/calls?callerNumber=%2B4930999&limit=200");
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task CallRecords_NeedCallsRead_WhichSupervisorsAndAdminsHoldButAgentsDoNot()
    {
        using var agent = await factory.SignInDemoAsync("agent1");
        using var admin = await factory.SignInDemoAsync("admin");
        using var supervisor = await factory.SignInDemoAsync("supervisor");

        await agent.JsonAsync("/api/v1/calls", 403);
        await admin.JsonAsync("/api/v1/calls");
        await supervisor.JsonAsync("/api/v1/calls");
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-01", "to")]
    [InlineData("from=2026-12-02&to=2026-12-01", "to")]
    [InlineData("queueId=sales", "queueId")]
    [InlineData("agentId=42", "agentId")]
    [InlineData("callerNumber=%2B1%20555", "callerNumber")]
    [InlineData("calledNumber=%3Cscript%3E", "calledNumber")]
    [InlineData("disposition=Dropped", "disposition")]
    [InlineData("cursor=bm90LW91cnM", "cursor")]
    [InlineData("cursor=!!!", "cursor")]
    public async Task BadFilterValues_Answer400ProblemDetails_NamingTheField(string query, string field)
    {
        using var supervisor = await factory.SignInDemoAsync("supervisor");

        using var response = await supervisor.GetAsync($"/api/v1/calls?{query}", Ct);

        await response.ExpectAsync(400);
        Assert.Equal("application/problem+json", response.ContentType());
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _), $"no error for '{field}'");
    }

    private static readonly Guid Queue = Guid.CreateVersion7();
    private static readonly Guid Agent = Guid.CreateVersion7();

    /// <summary>Five calls on day <paramref name="day"/> of November 2026, two of them arriving in the same instant.</summary>
    private async Task<(DateTimeOffset From, List<CallRecord> Calls)> SeedAsync(int day)
    {
        var tenant = await factory.DemoTenantIdAsync();
        var from = new DateTimeOffset(2026, 11, day, 0, 0, 0, TimeSpan.Zero);
        var node = factory.NodeId;
        var answered = SampleCalls.Ended(SampleCalls.Answered(SampleCalls.Arrived(tenant, node, from.AddHours(1), caller: "+4930111"), Queue, Agent));
        var otherQueue = SampleCalls.Ended(SampleCalls.Answered(SampleCalls.Arrived(tenant, node, from.AddHours(2)), Guid.CreateVersion7(), Guid.CreateVersion7()));
        var abandoned = SampleCalls.Arrived(tenant, node, from.AddHours(3), called: "+15550199") with
        {
            QueueId = Queue, QueuedAt = from.AddHours(3), EndedAt = from.AddHours(3).AddSeconds(40), Disposition = CallDisposition.AbandonedInQueue,
            ReleaseCause = "caller_hangup", ReleasedBy = CallParty.Caller,
        };
        var open = SampleCalls.Arrived(tenant, node, from.AddHours(3));
        var ivr = SampleCalls.Arrived(tenant, node, from.AddHours(4), caller: "+4930111") with
        {
            AnsweredByIvrAt = from.AddHours(4), EndedAt = from.AddHours(4).AddSeconds(12), Disposition = CallDisposition.AbandonedInIvr, ReleaseCause = "caller_hangup",
        };
        List<CallRecord> calls = [answered, otherQueue, abandoned, open, ivr];
        await Task.WhenAll(calls.Select(c => factory.Store.SaveCallAsync(c, Ct).AsTask()));
        return (from, calls);
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
