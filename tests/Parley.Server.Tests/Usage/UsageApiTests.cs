using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Usage;

/// <summary>Usage read back over the API: computed from the tenant's stored records, and the operator's CSV for billing.</summary>
public sealed class UsageApiTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASignInAndOut_ShowsAsTodaysSeatPeak_ForTheTenant_AndInTheOperatorsCsv()
    {
        using var agent = await factory.SignInDemoAsync("agent3");
        await (await agent.PostAsJsonAsync("/api/v1/agents/me/sign-in", new { }, Ct)).ExpectAsync(200);
        factory.Time.Advance(TimeSpan.FromMinutes(1)); // a sign-in and sign-out at the same instant held no seat
        await (await agent.PostAsJsonAsync("/api/v1/agents/me/sign-out", new { }, Ct)).ExpectAsync(200);
        var today = DateOnly.FromDateTime(factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var admin = await factory.SignInDemoAsync("admin");
        var usage = await admin.GetJsonAsync($"/api/v1/usage?from={today}&to={today}");
        var peak = usage.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("meter").GetString() == "seat-peak");
        Assert.True(peak.GetProperty("quantity").GetInt64() >= 1);
        Assert.Equal(JsonValueKind.Number, usage.GetProperty("items")[0].GetProperty("quantity").ValueKind);

        using var platform = await factory.SignInOperatorAsync();
        using var csv = await (await platform.GetAsync($"/api/v1/platform/usage?from={today}&to={today}&format=csv", Ct)).ExpectAsync(200);
        Assert.Equal("text/csv", csv.ContentType());
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("tenant_id,tenant,period,meter,dimension,quantity", lines[0]);
        Assert.Contains(lines, l => l.Contains($",demo,{today},seat-peak,", StringComparison.Ordinal));

        using var tenantCsv = await (await admin.GetAsync($"/api/v1/usage?from={today}&to={today}&format=csv", Ct)).ExpectAsync(200);
        var tenantLines = (await tenantCsv.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("period,meter,dimension,quantity", tenantLines[0]);
        Assert.Contains(tenantLines, l => l.StartsWith($"{today},seat-peak,", StringComparison.Ordinal));

        using var tooLong = await admin.GetAsync($"/api/v1/usage?from=2026-01-01&to=2026-12-31", Ct);
        await tooLong.ExpectAsync(400);
    }

    [Theory]
    [InlineData("/api/v1/platform/usage")]
    [InlineData("/api/v1/usage")]
    public async Task Usage_InAnUnknownFormat_Is400_NamingJsonAndCsv(string path)
    {
        using var caller = path.Contains("platform", StringComparison.Ordinal) ? await factory.SignInOperatorAsync() : await factory.SignInDemoAsync("admin");

        var problem = await caller.GetJsonAsync($"{path}?from=2026-12-01&to=2026-12-01&format=xml", 400);

        var error = problem.GetProperty("errors").GetProperty("format")[0].GetString()!;
        Assert.Contains("'json' or 'csv'", error, StringComparison.Ordinal);
    }
}
