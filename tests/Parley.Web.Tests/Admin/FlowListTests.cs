using Bunit;
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

    public async ValueTask DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _server.DisposeAsync();
    }
}
