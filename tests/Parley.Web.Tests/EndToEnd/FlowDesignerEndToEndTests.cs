using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;
using Parley.Web.Tests.Admin;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.EndToEnd;

/// <summary>
/// The flow designer in Chromium (1280×720): a flow with a broken transition shows the error on its block; once the draft
/// is fixed and published, "Try it" with a typed key marks the path. Writes <c>docs/images/flow-designer.png</c>. Editing: a block
/// dragged to a new place, a field changed in the properties panel, an exit dragged onto another block, saved and published;
/// writes <c>docs/images/flow-designer-edit.png</c>.
/// </summary>
public sealed class FlowDesignerEndToEndTests : BrowserTest
{
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
        var baseUrl = Server.StartOnLoopback();
        using var api = await Server.SignInAsync("admin", AdminHarness.AdminPassword);
        using var created = await api.PostAsync("/api/v1/flows", new StringContent(Flow("suport"), Encoding.UTF8, "application/json"), ct);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct)).GetProperty("id").GetGuid();

        await using var admin = await AdminBrowser.SignInAsync(Browser, baseUrl, "/admin/flows");
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

    [Fact]
    public async Task The_admin_moves_a_block_edits_a_field_connects_an_exit_saves_and_publishes()
    {
        var ct = TestContext.Current.CancellationToken;
        var baseUrl = Server.StartOnLoopback();
        using var api = await Server.SignInAsync("admin", AdminHarness.AdminPassword);
        var json = """
            {"name":"Edited menu","blocks":[
              {"type":"start","id":"start","next":"menu"},
              {"type":"menu","id":"menu","prompt":{"text":"For sales press 1."},"options":[{"digit":"1","keywords":["sales"],"next":"sales"}]},
              {"type":"transferToQueue","id":"sales","queue":"Sales"},
              {"type":"play","id":"sorry","prompt":{"text":"Sorry, nobody can take your call."},"next":"bye"},
              {"type":"hangUp","id":"bye"}],
             "designer":{"positions":{"start":{"x":20,"y":20},"menu":{"x":240,"y":20},"sales":{"x":460,"y":20},"sorry":{"x":240,"y":200},"bye":{"x":460,"y":200}}}}
            """;
        using var created = await api.PostAsync("/api/v1/flows", new StringContent(json, Encoding.UTF8, "application/json"), ct);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct)).GetProperty("id").GetGuid();

        await using var admin = await AdminBrowser.SignInAsync(Browser, baseUrl, "/admin/flows");
        var page = admin.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Edited menu" }).ClickAsync();
        await Assertions.Expect(page.Locator("g.parley-flow-node")).ToHaveCountAsync(5);

        // Drag "bye" 60 px down.
        var bye = (await page.Locator("g[data-block=bye] rect").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(bye.X + 60, bye.Y + 20);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(bye.X + 60, bye.Y + 50, new() { Steps = 5 });
        await page.Mouse.MoveAsync(bye.X + 60, bye.Y + 80, new() { Steps = 5 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(page.Locator("g[data-block=bye] rect")).ToHaveAttributeAsync("y", "260");

        // The properties panel: a field of "sales".
        await page.Locator("g[data-block=sales]").ClickAsync();
        await page.GetByLabel("Priority").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".parley-flow-status")).ToContainTextAsync("unsaved changes");

        // Drag the "onFailure" exit of "sales" onto "sorry".
        var exit = (await page.Locator("g[data-block=sales] circle.parley-exit[data-field=onFailure]").BoundingBoxAsync())!;
        var sorry = (await page.Locator("g[data-block=sorry] rect").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(exit.X + exit.Width / 2, exit.Y + exit.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(sorry.X + 80, sorry.Y + 10, new() { Steps = 8 });
        await page.Mouse.MoveAsync(sorry.X + 80, sorry.Y + 28, new() { Steps = 2 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(page.Locator("line.parley-flow-edge[data-from=sales][data-to=sorry]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("select[data-field=onFailure]")).ToHaveValueAsync("sorry");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.Locator(".parley-flow-notice")).ToContainTextAsync("Draft saved.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish draft" }).ClickAsync();
        await Assertions.Expect(page.Locator(".parley-flow-notice")).ToContainTextAsync("Published the draft as version 1.");
        await Assertions.Expect(page.Locator(".parley-flow-status")).ToContainTextAsync("Published: version 1");
        await page.Locator("g[data-block=sales]").ClickAsync();
        await Assertions.Expect(page.GetByLabel("Priority")).ToHaveValueAsync("5");
        await admin.ShotAsync("flow-designer-edit.png");

        var stored = (await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/flows/{id}", ct)).GetProperty("draft");
        var sales = stored.GetProperty("blocks")[2];
        Assert.Equal(5, sales.GetProperty("priority").GetInt32());
        Assert.Equal("sorry", sales.GetProperty("onFailure").GetString());
        Assert.Equal(260, stored.GetProperty("designer").GetProperty("positions").GetProperty("bye").GetProperty("y").GetDouble());
        admin.AssertNoErrors();
    }
}
