using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Web.Admin;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.Admin;

/// <summary>The SIP trunk form against the real server: a bad address block explained in place, a password never shown and kept when left empty.</summary>
public sealed class TrunkEditTests : IAsyncLifetime
{
    private readonly WebAppFactory _server = new();
    private readonly BunitContext _bunit = new();

    public ValueTask InitializeAsync()
    {
        _bunit.UseServer(_server);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_cidr_block_with_host_bits_is_explained_under_the_allowed_addresses_and_nothing_is_created()
    {
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<TrunkEdit>();
        page.WaitForElement("input[name='name']", AdminHarness.Wait).Change("Carrier A");
        page.Find("textarea[name='allowedAddresses']").Change("203.0.113.0/24\n10.1.2.3/8");

        page.Find("form.parley-admin-form").Submit();

        var error = page.WaitForElement(".parley-field-error[data-field='allowedAddresses']", AdminHarness.Wait);
        Assert.Contains("10.1.2.3/8", error.TextContent, StringComparison.Ordinal);
        Assert.NotNull(error.ParentElement!.QuerySelector("textarea[name='allowedAddresses']"));
        Assert.Empty(page.FindAll(".parley-form-problem"));
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var trunks = await admin.JsonAsync("/api/v1/trunks?limit=200");
        Assert.DoesNotContain(trunks.GetProperty("items").EnumerateArray(), t => t.GetProperty("name").GetString() == "Carrier A");
    }

    [Fact]
    public async Task An_empty_password_field_keeps_the_stored_password_and_the_trunk_is_listed()
    {
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var created = await admin.SendAsync(
            HttpMethod.Post, "/api/v1/trunks",
            new { name = "Carrier B", allowedAddresses = new[] { "198.51.100.0/24" }, inboundUserName = "carrier-b", inboundPassword = "Trunk-Secret-2026" });
        var id = created.GetProperty("id").GetGuid();
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<TrunkEdit>(p => p.Add(t => t.Id, id));
        page.WaitForAssertion(() => Assert.Equal("carrier-b", page.Find("input[name='inboundUserName']").GetAttribute("value")), AdminHarness.Wait);
        Assert.True(string.IsNullOrEmpty(page.Find("input[name='inboundPassword']").GetAttribute("value")));
        Assert.DoesNotContain("Trunk-Secret-2026", page.Markup, StringComparison.Ordinal);

        page.Find("input[name='maxConcurrentCalls']").Change("12");
        page.Find("form.parley-admin-form").Submit();

        page.WaitForElement(".parley-saved", AdminHarness.Wait);
        var saved = await admin.JsonAsync($"/api/v1/trunks/{id}");
        Assert.Equal(12, saved.GetProperty("maxConcurrentCalls").GetInt32());
        Assert.True(saved.GetProperty("hasInboundPassword").GetBoolean());
        var list = _bunit.Render<TrunkList>();
        list.WaitForAssertion(() => Assert.Contains("Carrier B", list.FindAll(".parley-row-link").Select(a => a.TextContent)), AdminHarness.Wait);
    }

    [Fact]
    public async Task A_created_trunk_opens_saying_it_was_saved_in_a_live_region()
    {
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var nav = _bunit.Services.GetRequiredService<NavigationManager>();
        var page = _bunit.Render<TrunkEdit>();
        var status = page.WaitForElement(".parley-form-actions [role='status']", AdminHarness.Wait);
        Assert.Equal("", status.TextContent.Trim());
        page.Find("input[name='name']").Change("Carrier C");
        page.Find("textarea[name='allowedAddresses']").Change("192.0.2.0/24");

        page.Find("form.parley-admin-form").Submit();

        // The router then opens the new trunk in the same page, as it does in the browser.
        page.WaitForAssertion(() => Assert.Matches("/admin/trunks/[0-9a-f-]{36}$", nav.Uri), AdminHarness.Wait);
        page.Render(p => p.Add(t => t.Id, Guid.Parse(nav.Uri[^36..])));
        page.WaitForAssertion(() => Assert.Equal("Carrier C", page.Find("input[name='name']").GetAttribute("value")), AdminHarness.Wait);
        Assert.Equal("Saved.", page.Find(".parley-form-actions [role='status'] .parley-saved").TextContent.Trim());
    }

    public async ValueTask DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _server.DisposeAsync();
    }
}
