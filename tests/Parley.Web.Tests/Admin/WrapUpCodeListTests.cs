using System.Net;
using System.Net.Http.Json;
using Bunit;
using Parley.Server.Web.Admin;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.Admin;

/// <summary>
/// The wrap-up codes page against the real server: the demo queues' codes with the queues offering them, a code renamed
/// and withdrawn on every queue from the page, a code offered through REST appearing there; another tenant's queue is
/// refused by name, and an agent cannot change codes.
/// </summary>
public sealed class WrapUpCodeListTests : IAsyncLifetime
{
    private readonly WebAppFactory _server = new();
    private readonly BunitContext _bunit = new();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _bunit.UseServer(_server);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Codes_are_listed_with_their_queues_renamed_and_withdrawn_everywhere_and_offered_through_rest()
    {
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        using var other = await _server.OtherTenantAdminAsync("tenant-w");
        var foreignQueue = await other.SendAsync(HttpMethod.Post, "/api/v1/queues", new { name = "Foreign", channels = new[] { "Voice" } });
        var queues = (await admin.JsonAsync("/api/v1/queues?limit=200")).GetProperty("items").EnumerateArray().Select(q => q.GetProperty("id").GetGuid()).ToList();
        using (var foreign = await admin.PostAsJsonAsync("/api/v1/wrap-up-codes", new { code = "stolen", queueIds = new[] { foreignQueue.GetProperty("id").GetGuid() } }, Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        }

        await admin.SendAsync(HttpMethod.Post, "/api/v1/wrap-up-codes", new { code = "upsell", queueIds = queues });
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<WrapUpCodeList>();
        page.WaitForAssertion(() => Assert.Contains("upsell", page.FindAll(".parley-wrapup-code").Select(c => c.TextContent)), AdminHarness.Wait);
        Assert.Contains("follow-up", page.FindAll(".parley-wrapup-code").Select(c => c.TextContent));

        var row = page.FindAll("tr").Single(r => r.QuerySelector(".parley-wrapup-code")?.TextContent == "follow-up");
        row.QuerySelectorAll("button").Single(b => b.TextContent.Contains("Rename", StringComparison.Ordinal)).Click();
        page.WaitForElement("input[aria-label='New name for follow-up']", AdminHarness.Wait).Change("call-back");
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Rename").Click();
        page.WaitForAssertion(() => Assert.Contains("call-back", page.FindAll(".parley-wrapup-code").Select(c => c.TextContent)), AdminHarness.Wait);

        var upsell = page.FindAll("tr").Single(r => r.QuerySelector(".parley-wrapup-code")?.TextContent == "upsell");
        upsell.QuerySelectorAll("button").Single(b => b.TextContent.Contains("Withdraw", StringComparison.Ordinal)).Click();
        page.WaitForElement(".parley-confirm-yes", AdminHarness.Wait).Click();
        page.WaitForAssertion(() => Assert.DoesNotContain("upsell", page.FindAll(".parley-wrapup-code").Select(c => c.TextContent)), AdminHarness.Wait);

        var codes = (await admin.JsonAsync("/api/v1/queues?limit=200")).GetProperty("items").EnumerateArray()
            .SelectMany(q => q.GetProperty("wrapUpCodes").EnumerateArray().Select(c => c.GetString())).ToList();
        Assert.Contains("call-back", codes);
        Assert.DoesNotContain("follow-up", codes);
        Assert.DoesNotContain("upsell", codes);
        Assert.Empty((await other.JsonAsync("/api/v1/wrap-up-codes")).GetProperty("items").EnumerateArray());

        using var agent = await _server.SignInAsync("agent1");
        using var refused = await agent.DeleteAsync("/api/v1/wrap-up-codes/call-back", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _server.DisposeAsync();
    }
}
