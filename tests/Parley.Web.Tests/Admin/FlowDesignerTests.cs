using System.Text.Json;
using System.Text.Json.Nodes;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Parley.Domain.Security;
using Parley.Server.Web.Admin;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.Admin;

/// <summary>
/// <c>/admin/flows/{id}</c>: blocks drawn as nodes, errors on the block they concern, "Try it" marks the path; the properties panel
/// edits a block, blocks are added, deleted and moved, the draft is saved with the version read (a conflict offers a reload) and
/// published or rolled back; a reader sees no edit controls.
/// </summary>
public sealed class FlowDesignerTests : IAsyncLifetime
{
    private readonly WebAppFactory _server = new();
    private readonly BunitContext _bunit = new();

    public ValueTask InitializeAsync()
    {
        _bunit.UseServer(_server);
        return ValueTask.CompletedTask;
    }

    private static object Flow(string missing) => new
    {
        name = "Designer flow",
        designer = new { positions = new Dictionary<string, object> { ["start"] = new { x = 30, y = 300 } } },
        blocks = new object[]
        {
            new { type = "start", id = "start", next = "menu" },
            new
            {
                type = "menu", id = "menu", prompt = new { text = "Press 1 for sales." },
                options = new object[] { new { digit = "1", next = "sales" }, new { digit = "2", next = missing } },
            },
            new { type = "transferToQueue", id = "sales", queue = "Sales" },
            new { type = "hangUp", id = "bye", reason = "done" },
        },
    };

    [Fact]
    public async Task A_block_with_a_validation_error_turns_red_with_its_sentence_and_try_marks_the_path_taken()
    {
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var id = (await admin.SendAsync(HttpMethod.Post, "/api/v1/flows", Flow("nowhere"))).GetProperty("id").GetGuid();
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);

        var page = _bunit.Render<FlowDesigner>(p => p.Add(d => d.Id, id));

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("g.parley-flow-node").Count), AdminHarness.Wait);
        Assert.Equal(["menu", "bye"], page.FindAll("g.parley-node-error").Select(g => g.GetAttribute("data-block")));
        Assert.Contains("nowhere", page.Find(".parley-block-errors li[data-block=menu]").TextContent, StringComparison.Ordinal);
        Assert.Single(page.FindAll(".parley-block-errors li[data-block=bye]"));
        Assert.Equal("30", page.Find("g[data-block=start] rect").GetAttribute("x"));
        Assert.Equal(["start>menu", "menu>sales"], page.FindAll("line.parley-flow-edge").Select(l => l.GetAttribute("data-from") + ">" + l.GetAttribute("data-to")));

        page.Find("input.parley-try-input").Change("1");
        page.Find("button.parley-try-run").Click();

        page.WaitForAssertion(() => Assert.Contains("Ended: transferred.", page.Find(".parley-try-outcome").TextContent, StringComparison.Ordinal), AdminHarness.Wait);
        Assert.Equal(["start", "menu", "sales"], page.FindAll("g.parley-node-visited").Select(g => g.GetAttribute("data-block")));
        Assert.Contains("Press 1 for sales.", page.Find(".parley-try-prompt").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_tenants_flow_is_not_found()
    {
        using var other = await _server.OtherTenantAdminAsync("tenant-b");
        var theirs = (await other.SendAsync(HttpMethod.Post, "/api/v1/flows", Flow("bye"))).GetProperty("id").GetGuid();
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);

        var page = _bunit.Render<FlowDesigner>(p => p.Add(d => d.Id, theirs));

        page.WaitForAssertion(() => Assert.Contains("No such", page.Markup, StringComparison.Ordinal), AdminHarness.Wait);
        Assert.Empty(page.FindAll("g.parley-flow-node"));
    }

    /// <summary>The fixture's draft with members the designer does not know, to prove they survive an edit.</summary>
    private const string Annotated = """
        {"name":"Annotated","x-owner":{"team":"ivr","since":2019},"blocks":[
          {"type":"start","id":"start","next":"menu","note":"entry"},
          {"type":"menu","id":"menu","prompt":{"text":"Press 1 for sales.","x-tone":"warm"},"timeoutSeconds":4.50,
           "options":[{"digit":"1","next":"sales"},{"digit":"2","next":"bye"}]},
          {"type":"transferToQueue","id":"sales","queue":"Sales","priority":3},
          {"type":"hangUp","id":"bye"}],
         "designer":{"positions":{"start":{"x":30,"y":40}},"zoom":1.25}}
        """;

    [Fact]
    public async Task Saving_without_changes_stores_the_same_document()
    {
        var (admin, id) = await CreateAsync(Annotated);
        using var _ = admin;
        var page = await RenderAsync(id);

        page.Find("input.parley-flow-name-input").Change("Annotated");
        page.Find("button.parley-flow-save").Click();

        page.WaitForAssertion(() => Assert.Contains("Draft saved", page.Find(".parley-flow-notice").TextContent, StringComparison.Ordinal), AdminHarness.Wait);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Annotated), await DraftAsync(admin, id)));
    }

    [Fact]
    public async Task Editing_a_field_and_an_exit_in_the_panel_and_saving_changes_only_them_in_the_stored_draft()
    {
        var (admin, id) = await CreateAsync(Annotated);
        using var _ = admin;
        var page = await RenderAsync(id);

        page.Find("g[data-block=sales]").Click();
        page.WaitForAssertion(() => Assert.Equal("Sales", page.Find("input[data-pointer=queue]").GetAttribute("value")), AdminHarness.Wait);
        page.Find("input[data-pointer=queue]").Change("Support");
        page.Find("input[data-pointer=priority]").Change("7");
        page.Find("select[data-field=onFailure]").Change("bye");
        page.Find("button.parley-block-apply").Click();
        page.WaitForAssertion(() => Assert.Contains("unsaved changes", page.Find(".parley-flow-status").TextContent, StringComparison.Ordinal), AdminHarness.Wait);
        Assert.Contains(page.FindAll("line.parley-flow-edge"), l => l.GetAttribute("data-from") == "sales" && l.GetAttribute("data-to") == "bye");
        page.Find("button.parley-flow-save").Click();

        page.WaitForAssertion(() => Assert.Contains("Draft saved", page.Find(".parley-flow-notice").TextContent, StringComparison.Ordinal), AdminHarness.Wait);
        var expected = JsonNode.Parse(Annotated)!;
        expected["blocks"]![2] = JsonNode.Parse("""{"type":"transferToQueue","id":"sales","queue":"Support","priority":7,"onFailure":"bye"}""");
        Assert.True(JsonNode.DeepEquals(expected, await DraftAsync(admin, id)), (await DraftAsync(admin, id))!.ToJsonString());
    }

    [Fact]
    public async Task A_save_after_someone_else_saved_is_refused_with_a_reload_that_shows_their_draft()
    {
        var (admin, id) = await CreateAsync(Annotated);
        using var _ = admin;
        var page = await RenderAsync(id);
        page.Find("g[data-block=sales]").Click();
        page.Find("input[data-pointer=queue]").Change("Mine");
        page.Find("button.parley-block-apply").Click();
        page.WaitForAssertion(() => Assert.Contains("unsaved changes", page.Find(".parley-flow-status").TextContent, StringComparison.Ordinal), AdminHarness.Wait);

        await SaveElsewhereAsync(admin, id, Annotated.Replace("\"Sales\"", "\"Theirs\"", StringComparison.Ordinal));
        page.Find("button.parley-flow-save").Click();

        page.WaitForAssertion(() => Assert.Equal("Stale", page.Find(".parley-form-problem").GetAttribute("data-kind")), AdminHarness.Wait);
        Assert.Contains("Changed by someone else", page.Find(".parley-form-problem").TextContent, StringComparison.Ordinal);
        Assert.Equal("Theirs", (await DraftAsync(admin, id))!["blocks"]![2]!["queue"]!.GetValue<string>());

        page.Find("button.parley-reload").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".parley-form-problem")), AdminHarness.Wait);
        Assert.Equal("Theirs", page.Find("input[data-pointer=queue]").GetAttribute("value"));
        Assert.DoesNotContain("unsaved changes", page.Find(".parley-flow-status").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_block_is_added_moved_with_the_keyboard_and_another_deleted_with_the_exits_to_it()
    {
        var (admin, id) = await CreateAsync(Annotated);
        using var _ = admin;
        var page = await RenderAsync(id);

        page.Find("select.parley-new-type").Change("play");
        page.Find("button.parley-flow-add").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("g.parley-node-selected[data-block=play]")), AdminHarness.Wait);
        var x = double.Parse(page.Find("g[data-block=play] rect").GetAttribute("x")!, System.Globalization.CultureInfo.InvariantCulture);
        page.Find("g[data-block=play]").KeyDown(new KeyboardEventArgs { Key = "ArrowRight" });
        page.WaitForAssertion(() => Assert.Equal((x + 10).ToString(System.Globalization.CultureInfo.InvariantCulture), page.Find("g[data-block=play] rect").GetAttribute("x")), AdminHarness.Wait);
        page.Find("input[data-pointer='prompt/text']").Change("Goodbye.");
        page.Find("button.parley-block-apply").Click();

        page.Find("g[data-block=bye]").Click();
        page.Find("button.parley-block-delete").Click();
        page.Find(".parley-confirm-yes").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("g[data-block=bye]")), AdminHarness.Wait);
        page.Find("button.parley-flow-save").Click();

        page.WaitForAssertion(() => Assert.Contains("Draft saved", page.Find(".parley-flow-notice").TextContent, StringComparison.Ordinal), AdminHarness.Wait);
        var draft = (await DraftAsync(admin, id))!;
        Assert.Equal(["start", "menu", "sales", "play"], draft["blocks"]!.AsArray().Select(b => b!["id"]!.GetValue<string>()));
        Assert.Equal("Goodbye.", draft["blocks"]![3]!["prompt"]!["text"]!.GetValue<string>());
        Assert.Null(draft["blocks"]![1]!["options"]![1]!["next"]);
        Assert.Equal(x + 10, draft["designer"]!["positions"]!["play"]!["x"]!.GetValue<double>());
        Assert.Equal(1.25, draft["designer"]!["zoom"]!.GetValue<double>());
    }

    [Fact]
    public async Task The_saved_draft_is_published_and_an_older_version_rolled_back_to()
    {
        var (admin, id) = await CreateAsync(Annotated);
        using var _ = admin;
        var page = await RenderAsync(id);

        page.Find("button.parley-flow-publish").Click();
        page.WaitForAssertion(() => Assert.Contains("Published the draft as version 1.", page.Find(".parley-flow-notice").TextContent, StringComparison.Ordinal), AdminHarness.Wait);
        Assert.Contains("Published: version 1", page.Find(".parley-flow-status").TextContent, StringComparison.Ordinal);
        page.Find("g[data-block=sales]").Click();
        page.WaitForAssertion(() => page.Find("input[data-pointer=priority]").Change("9"), AdminHarness.Wait);
        page.Find("button.parley-block-apply").Click();
        page.WaitForAssertion(() => Assert.Contains("unsaved changes", page.Find(".parley-flow-status").TextContent, StringComparison.Ordinal), AdminHarness.Wait);
        page.Find("button.parley-flow-save").Click();
        page.WaitForAssertion(() => Assert.Contains("Draft saved.", page.Find(".parley-flow-notice").TextContent, StringComparison.Ordinal), AdminHarness.Wait);
        page.Find("button.parley-flow-publish").Click();
        page.WaitForAssertion(() => Assert.Contains("Published the draft as version 2.", page.Find(".parley-flow-notice").TextContent, StringComparison.Ordinal), AdminHarness.Wait);

        page.WaitForAssertion(() => page.Find("li[data-version='2']"), AdminHarness.Wait);
        page.Find("li[data-version='1'] button.parley-rollback").Click();
        page.WaitForAssertion(() => page.Find("li[data-version='1'] .parley-confirm-yes"), AdminHarness.Wait);
        page.Find("li[data-version='1'] .parley-confirm-yes").Click();

        page.WaitForAssertion(() => Assert.Contains("Rolled back: version 1", page.Find(".parley-flow-notice").TextContent, StringComparison.Ordinal), AdminHarness.Wait);
        Assert.Contains("Published: version 1", page.Find(".parley-flow-status").TextContent, StringComparison.Ordinal);
        Assert.Equal(1, (await admin.JsonAsync($"/api/v1/flows/{id}")).GetProperty("publishedVersion").GetInt32());
        Assert.Contains("(published)", page.Find("li[data-version='1']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_sees_the_panel_read_only_and_no_edit_controls()
    {
        var (admin, id) = await CreateAsync(Annotated);
        using var _ = admin;
        var me = await admin.JsonAsync("/api/v1/me");
        _bunit.AuthorizeAs(me.GetProperty("tenantId").GetGuid(), "reader", "Reader", Permissions.FlowsRead);

        var page = _bunit.Render<FlowDesigner>(p => p.Add(d => d.Id, id));
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("g.parley-flow-node").Count), AdminHarness.Wait);
        page.Find("g[data-block=sales]").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find(".parley-block-panel")), AdminHarness.Wait);
        Assert.All(page.FindAll(".parley-block-panel input, .parley-block-panel select"), e => Assert.True(e.HasAttribute("disabled")));
        Assert.Empty(page.FindAll(".parley-flow-toolbar, button.parley-flow-save, button.parley-flow-publish, button.parley-block-apply, button.parley-block-delete, button.parley-raw-apply, circle.parley-exit, .parley-rollback"));
    }

    private async Task<(HttpClient Admin, Guid Id)> CreateAsync(string json)
    {
        var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var created = await admin.PostAsync("/api/v1/flows", content, Xunit.TestContext.Current.CancellationToken);
        created.EnsureSuccessStatusCode();
        var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken)).RootElement;
        return (admin, body.GetProperty("id").GetGuid());
    }

    private async Task<IRenderedComponent<FlowDesigner>> RenderAsync(Guid id)
    {
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<FlowDesigner>(p => p.Add(d => d.Id, id));
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("g.parley-flow-node").Count), AdminHarness.Wait);
        return page;
    }

    /// <summary>Another editor saves through the API with the ETag they read.</summary>
    private static async Task SaveElsewhereAsync(HttpClient admin, Guid id, string json)
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        using var read = await admin.GetAsync($"/api/v1/flows/{id}", ct);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/flows/{id}") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        put.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.Tag);
        using var saved = await admin.SendAsync(put, ct);
        saved.EnsureSuccessStatusCode();
    }

    private static async Task<JsonNode?> DraftAsync(HttpClient admin, Guid id) =>
        JsonNode.Parse((await admin.JsonAsync($"/api/v1/flows/{id}")).GetProperty("draft").GetRawText());

    public async ValueTask DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _server.DisposeAsync();
    }
}
