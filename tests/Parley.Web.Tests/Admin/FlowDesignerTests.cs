using Bunit;
using Parley.Server.Web.Admin;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.Admin;

/// <summary><c>/admin/flows/{id}</c>: blocks drawn as nodes, errors on the block they concern, "Try it" marks the path.</summary>
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

    public async ValueTask DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _server.DisposeAsync();
    }
}
