using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;
using Parley.Web.Tests.Admin;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.EndToEnd;

/// <summary>
/// The flow designer in Chromium (1280×720): a flow with a broken transition shows the error on its block; once the draft
/// is fixed and published, "Try it" with a typed key marks the path. Writes <c>docs/images/flow-designer.png</c>.
/// </summary>
public sealed class FlowDesignerEndToEndTests : IAsyncLifetime
{
    private readonly WebAppFactory _server = new();
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    private static string Flow(string target) => $$"""
        {"name":"Main menu","blocks":[
          {"type":"start","id":"start","next":"menu"},
          {"type":"menu","id":"menu","prompt":{"text":"For sales press 1, for support press 2."},
           "options":[{"digit":"1","keywords":["sales"],"next":"sales"},{"digit":"2","keywords":["support"],"next":"{{target}}"}]},
          {"type":"transferToQueue","id":"sales","queue":"Sales"},
          {"type":"transferToQueue","id":"support","queue":"Support"}]}
        """;

    [Fact]
    public async Task The_admin_sees_the_error_on_its_block_and_tries_the_fixed_published_flow()
    {
        var ct = TestContext.Current.CancellationToken;
        var baseUrl = _server.StartOnLoopback();
        using var api = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        using var created = await api.PostAsync("/api/v1/flows", new StringContent(Flow("suport"), Encoding.UTF8, "application/json"), ct);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct)).GetProperty("id").GetGuid();

        await using var admin = await AdminBrowser.SignInAsync(_browser, baseUrl, "/admin/flows");
        await admin.Page.GetByRole(AriaRole.Link, new() { Name = "Main menu" }).ClickAsync();
        await Assertions.Expect(admin.Page.Locator("g.parley-node-error[data-block=menu]")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Page.Locator(".parley-block-errors li[data-block=menu]")).ToContainTextAsync("suport");

        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/flows/{id}") { Content = new StringContent(Flow("support"), Encoding.UTF8, "application/json") };
        put.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.Tag);
        (await api.SendAsync(put, ct)).EnsureSuccessStatusCode();
        (await api.PostAsync($"/api/v1/flows/{id}/publish", JsonContent.Create(new { }), ct)).EnsureSuccessStatusCode();

        await admin.Page.ReloadAsync();
        await Assertions.Expect(admin.Page.Locator(".parley-flow-status")).ToContainTextAsync("Published: version 1");
        await Assertions.Expect(admin.Page.Locator("g.parley-node-error")).ToHaveCountAsync(0);
        await admin.Page.GetByLabel("Typed input").FillAsync("support");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Run" }).ClickAsync();
        await Assertions.Expect(admin.Page.Locator(".parley-try-outcome")).ToContainTextAsync("Ended: transferred.");
        await Assertions.Expect(admin.Page.Locator("g.parley-node-visited")).ToHaveCountAsync(3);
        await admin.ShotAsync("flow-designer.png");
        admin.AssertNoErrors();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _server.DisposeAsync();
    }
}
