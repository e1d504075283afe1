using System.Net.Http.Json;
using System.Text.Json;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Tenants;

/// <summary>
/// Tenant plans: the operator sets them (If-Match, validated, audited), the tenant reads its own, and routing
/// refuses sign-ins beyond the seats with a 409 naming the limit, without signing anyone out.
/// </summary>
public sealed class TenantPlanTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANewTenantsPlan_LimitsNothing_AndTheOperatorSetsItWithIfMatch_AndTheTenantReadsItsOwn()
    {
        var tenant = await factory.CreateOtherTenantAsync("plan");
        using var platform = await factory.SignInOperatorAsync();
        var url = $"/api/v1/platform/tenants/{tenant.TenantId}/plan";
        using var read = await (await platform.GetAsync(url, Ct)).ExpectAsync(200);
        var before = await read.ReadJsonAsync();
        Assert.All(
            ["voiceSeats", "digitalSeats", "videoSeats", "maxConcurrentCalls", "maxConcurrentChats", "maxPhoneNumbers", "recordingRetentionDays", "apiRequestsPerMinute", "maxStorageMegabytes"],
            name => Assert.Equal(JsonValueKind.Null, before.GetProperty(name).ValueKind));
        var etag = read.Headers.ETag!.Tag;

        using var invalid = await platform.PutJsonAsync(url, new { voiceSeats = -1, recordingRetentionDays = 0 }, etag);
        var problem = await (await invalid.ExpectAsync(400)).ReadJsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("voiceSeats", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("recordingRetentionDays", out _));

        using var set = await platform.PutJsonAsync(url, new { voiceSeats = 10, digitalSeats = 4, maxPhoneNumbers = 2, recordingRetentionDays = 90 }, etag);
        var after = await (await set.ExpectAsync(200)).ReadJsonAsync();
        Assert.Equal((10, 4, 2, 90), (after.GetProperty("voiceSeats").GetInt32(), after.GetProperty("digitalSeats").GetInt32(),
            after.GetProperty("maxPhoneNumbers").GetInt32(), after.GetProperty("recordingRetentionDays").GetInt32()));
        using var stale = await platform.PutJsonAsync(url, new { voiceSeats = 1 }, etag);
        await stale.ExpectAsync(412);

        using var admin = await factory.SignInAsync(tenant.Slug, tenant.AdminUserName, tenant.AdminPassword);
        var own = await admin.GetJsonAsync("/api/v1/plan");
        Assert.Equal((10, 4), (own.GetProperty("voiceSeats").GetInt32(), own.GetProperty("digitalSeats").GetInt32()));
        using var notOperator = await admin.PutJsonAsync(url, new { voiceSeats = 1000 }, "*");
        Assert.Equal(403, (int)notOperator.StatusCode);

        var audit = await platform.GetJsonAsync("/api/v1/audit?action=tenants.plan");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetRawText().Contains("voice 10", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BeyondTheVoiceSeats_SignInIsA409NamingTheLimit_NobodyIsSignedOut_AndSupervisorsSeeTheSeats()
    {
        var demo = await factory.DemoTenantIdAsync();
        await SetPlanAsync(demo, new { voiceSeats = 1 });
        using var agent1 = await factory.SignInDemoAsync("agent1");
        using var agent2 = await factory.SignInDemoAsync("agent2");
        using var supervisor = await factory.SignInDemoAsync("supervisor");
        try
        {
            await (await agent1.PostAsJsonAsync("/api/v1/agents/me/sign-in", new { }, Ct)).ExpectAsync(200);
            using var refused = await agent2.PostAsJsonAsync("/api/v1/agents/me/sign-in", new { }, Ct);
            var problem = await (await refused.ExpectAsync(409)).ReadJsonAsync();
            Assert.Equal("seats.voice", problem.GetProperty("limit").GetString());
            Assert.Contains("seats.voice", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.NotEqual("LoggedOut", (await agent1.GetJsonAsync("/api/v1/agents/me")).GetProperty("state").GetProperty("state").GetString());

            var seats = (await supervisor.GetJsonAsync("/api/v1/realtime/dashboard")).GetProperty("seats");
            Assert.Equal((1, 1), (seats.GetProperty("voice").GetInt32(), seats.GetProperty("limits").GetProperty("voice").GetInt32()));

            await (await agent1.PostAsJsonAsync("/api/v1/agents/me/sign-out", new { }, Ct)).ExpectAsync(200);
            await (await agent2.PostAsJsonAsync("/api/v1/agents/me/sign-in", new { }, Ct)).ExpectAsync(200);
            await (await agent2.PostAsJsonAsync("/api/v1/agents/me/sign-out", new { }, Ct)).ExpectAsync(200);
        }
        finally
        {
            await SetPlanAsync(demo, new { });
        }
    }

    [Fact]
    public async Task AssigningMoreNumbersThanThePlanAllows_IsA409NamingTheLimit()
    {
        var tenant = await factory.CreateOtherTenantAsync("plan-numbers");
        using var platform = await factory.SignInOperatorAsync();
        var assigned = (await platform.GetJsonAsync("/api/v1/platform/numbers?limit=200")).GetProperty("items").EnumerateArray()
            .Count(n => n.GetProperty("tenantId").GetGuid() == tenant.TenantId);
        await SetPlanAsync(tenant.TenantId, new { maxPhoneNumbers = assigned + 1 });

        var number = "+4420" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await (await platform.PostAsJsonAsync("/api/v1/platform/numbers", new { number, tenantId = tenant.TenantId }, Ct)).ExpectAsync(201);
        using var refused = await platform.PostAsJsonAsync("/api/v1/platform/numbers", new { number = number[..^1] + (number[^1] == '0' ? "1" : "0"), tenantId = tenant.TenantId }, Ct);
        var problem = await (await refused.ExpectAsync(409)).ReadJsonAsync();
        Assert.Equal("phoneNumbers", problem.GetProperty("limit").GetString());
    }

    [Fact]
    public async Task ThePlansApiRate_RefusesTheTenantsRequestsBeyondIt_With429_AndNoOtherTenantsRequests()
    {
        var tenant = await factory.CreateOtherTenantAsync("rate");
        using var admin = await factory.SignInAsync(tenant.Slug, tenant.AdminUserName, tenant.AdminPassword);
        using var demo = await factory.SignInDemoAsync("admin");
        await SetPlanAsync(tenant.TenantId, new { apiRequestsPerMinute = 3 });

        var answers = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await admin.GetAsync("/api/v1/queues", Ct);
            answers.Add((int)response.StatusCode);
        }

        Assert.Equal([200, 200, 200, 429, 429], answers);
        using (var demoQueues = await demo.GetAsync("/api/v1/queues", Ct))
        {
            Assert.Equal(200, (int)demoQueues.StatusCode); // another tenant's plan limits nobody else
        }

        // Raising the plan takes effect at once (the saving node forgets the old rate).
        await SetPlanAsync(tenant.TenantId, new { apiRequestsPerMinute = 1000 });
        using var after = await admin.GetAsync("/api/v1/queues", Ct);
        Assert.Equal(200, (int)after.StatusCode);
    }

    private async Task SetPlanAsync(Guid tenantId, object plan)
    {
        using var platform = await factory.SignInOperatorAsync();
        using var set = await platform.PutJsonAsync($"/api/v1/platform/tenants/{tenantId}/plan", plan, "*");
        await set.ExpectAsync(200);
    }
}
