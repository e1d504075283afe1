using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Web.Admin;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.Admin;

/// <summary><c>/admin/flows</c>: the server filters and pages, each flow shows its published and latest version.</summary>
public sealed class FlowListTests : IAsyncLifetime
{
    private readonly WebAppFactory _server = new();
    private readonly BunitContext _bunit = new();

    public ValueTask InitializeAsync()
    {
        _bunit.UseServer(_server);
        return ValueTask.CompletedTask;
    }

    private static object Flow(string name) => new
    {
        name,
        blocks = new object[] { new { type = "start", id = "start", next = "bye" }, new { type = "hangUp", id = "bye", reason = "done" } },
    };

    [Fact]
    public async Task The_flow_list_filters_on_the_server_and_shows_which_version_is_published()
    {
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var published = (await admin.SendAsync(HttpMethod.Post, "/api/v1/flows", Flow("Listed published"))).GetProperty("id").GetGuid();
        await admin.SendAsync(HttpMethod.Post, $"/api/v1/flows/{published}/publish", new { });
        await admin.SendAsync(HttpMethod.Post, "/api/v1/flows", Flow("Listed draft"));
        using var other = await _server.OtherTenantAdminAsync("tenant-b");
        await other.SendAsync(HttpMethod.Post, "/api/v1/flows", Flow("Listed canary"));

        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<FlowList>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".parley-flow-name")), AdminHarness.Wait);
        page.Find("input.parley-filter").Input("listed");

        page.WaitForAssertion(
            () => Assert.Equal(["Listed draft", "Listed published"], page.FindAll(".parley-flow-name").Select(n => n.TextContent)), AdminHarness.Wait);
        Assert.Equal(["not published", "version 1"], page.FindAll(".parley-flow-published").Select(n => n.TextContent));
        Assert.DoesNotContain("canary", page.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_new_flow_is_created_valid_under_the_name_typed_and_opens_in_the_designer()
    {
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<FlowList>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("button.parley-new-flow")), AdminHarness.Wait);

        page.Find("input.parley-new-flow-name").Change("Night line");
        page.Find("button.parley-new-flow").Click();

        var nav = _bunit.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Matches("/admin/flows/[0-9a-f-]{36}$", nav.Uri), AdminHarness.Wait);
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var flow = await admin.JsonAsync($"/api/v1/flows/{nav.Uri[^36..]}");
        Assert.Equal("Night line", flow.GetProperty("name").GetString());
        Assert.True(flow.GetProperty("validation").GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task A_new_flow_without_a_name_shows_the_error_under_the_name()
    {
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<FlowList>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("button.parley-new-flow")), AdminHarness.Wait);

        page.Find("button.parley-new-flow").Click();

        page.WaitForAssertion(() => Assert.Contains("needs a name", page.Find(".parley-field-error[data-field='/name']").TextContent, StringComparison.Ordinal), AdminHarness.Wait);
    }

    public async ValueTask DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _server.DisposeAsync();
    }
}
