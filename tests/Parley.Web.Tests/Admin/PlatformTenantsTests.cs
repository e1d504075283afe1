using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Parley.Domain.Security;
using Parley.Server.Web.Admin;
using Parley.Web.Tests.Support;
using Radzen.Blazor;

namespace Parley.Web.Tests.Admin;

/// <summary>
/// The platform operator's pages against the real server: a tenant created, suspended, resumed, given a plan and deleted only once
/// its slug is typed; a bad plan value explained in place; a stale plan explained; a number assigned and released; the platform's
/// own tenant not found; and a tenant administrator refused.
/// </summary>
public sealed class PlatformTenantsTests : IAsyncLifetime
{
    private readonly WebAppFactory _server = new();
    private readonly BunitContext _bunit = new();

    public ValueTask InitializeAsync()
    {
        _bunit.UseServer(_server);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_tenant_made_on_the_page_can_sign_in_is_suspended_and_resumed_and_is_deleted_only_once_its_slug_is_typed()
    {
        await _bunit.AuthorizeAsOperatorAsync(_server);
        var nav = _bunit.Services.GetRequiredService<NavigationManager>();
        var page = _bunit.Render<PlatformTenantEdit>();
        page.WaitForElement("input[name='slug']", AdminHarness.Wait).Change("acme");
        page.Find("input[name='name']").Change("Acme Ltd");
        page.Find("input[name='timeZone']").Change("Europe/Berlin");
        page.Find("input[name='adminUserName']").Change("boss");
        page.Find("input[name='adminPassword']").Change("Acme-Admin-2026!");

        page.Find("form.parley-admin-form").Submit();

        page.WaitForAssertion(() => Assert.Matches("/admin/platform/tenants/[0-9a-f-]{36}$", nav.Uri), AdminHarness.Wait);
        var id = Guid.Parse(nav.Uri[(nav.Uri.LastIndexOf('/') + 1)..]);
        using var platform = await _server.OperatorAsync();
        Assert.Equal("Europe/Berlin", (await platform.JsonAsync($"/api/v1/platform/tenants/{id}")).GetProperty("timeZone").GetString());

        var opened = _bunit.Render<PlatformTenantEdit>(p => p.Add(t => t.Id, id));
        opened.WaitForElement(".parley-suspend", AdminHarness.Wait).Click();
        opened.Find(".parley-confirm-yes").Click();
        opened.WaitForAssertion(() => Assert.Equal("Suspended", opened.Find("dd.parley-tenant-status").TextContent), AdminHarness.Wait);
        Assert.Equal("Suspended", (await platform.JsonAsync($"/api/v1/platform/tenants/{id}")).GetProperty("status").GetString());
        opened.Find(".parley-resume").Click();
        opened.WaitForAssertion(() => Assert.Equal("Active", opened.Find("dd.parley-tenant-status").TextContent), AdminHarness.Wait);

        var delete = opened.Find(".parley-delete-tenant");
        Assert.True(delete.HasAttribute("disabled"));
        opened.Find("input[name='confirmSlug']").Input("acm");
        Assert.True(opened.Find(".parley-delete-tenant").HasAttribute("disabled"));
        opened.Find("input[name='confirmSlug']").Input("acme");
        opened.Find(".parley-delete-tenant").Click();
        opened.WaitForAssertion(() => Assert.EndsWith("/admin/platform/tenants", nav.Uri, StringComparison.Ordinal), AdminHarness.Wait);
        using var gone = await platform.GetAsync($"/api/v1/platform/tenants/{id}", Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_plan_is_saved_a_negative_limit_is_explained_in_place_and_a_stale_plan_is_explained()
    {
        using var tenantB = await _server.OtherTenantAdminAsync("tenant-b");
        using var platform = await _server.OperatorAsync();
        var id = (await tenantB.JsonAsync("/api/v1/me")).GetProperty("tenantId").GetGuid();
        await _bunit.AuthorizeAsOperatorAsync(_server);
        var page = _bunit.Render<PlatformTenantEdit>(p => p.Add(t => t.Id, id));
        page.WaitForElement("input[name='voiceSeats']", AdminHarness.Wait);

        await SetAsync(page, "voiceSeats", -1);
        page.Find(".parley-plan-form").Submit();
        var error = page.WaitForElement(".parley-field-error[data-field='voiceSeats']", AdminHarness.Wait);
        Assert.NotNull(error.ParentElement!.QuerySelector("input[name='voiceSeats']"));

        await SetAsync(page, "voiceSeats", 12);
        await SetAsync(page, "apiRequestsPerMinute", 600);
        page.Find(".parley-plan-form").Submit();
        page.WaitForElement(".parley-plan-saved", AdminHarness.Wait);
        var plan = await platform.JsonAsync($"/api/v1/platform/tenants/{id}/plan");
        Assert.Equal(12, plan.GetProperty("voiceSeats").GetInt32());
        Assert.Equal(600, plan.GetProperty("apiRequestsPerMinute").GetInt32());

        await platform.ChangeAsync($"/api/v1/platform/tenants/{id}/plan", body => body["voiceSeats"] = 3);
        await SetAsync(page, "voiceSeats", 40);
        page.Find(".parley-plan-form").Submit();
        page.WaitForElement(".parley-plan .parley-form-problem[data-kind='Stale']", AdminHarness.Wait);
        Assert.Equal(3, (await platform.JsonAsync($"/api/v1/platform/tenants/{id}/plan")).GetProperty("voiceSeats").GetInt32());
    }

    [Fact]
    public async Task A_number_assigned_from_the_pool_belongs_to_the_tenant_and_is_released_when_asked_twice()
    {
        using var tenantB = await _server.OtherTenantAdminAsync("tenant-b");
        var id = (await tenantB.JsonAsync("/api/v1/me")).GetProperty("tenantId").GetGuid();
        await _bunit.AuthorizeAsOperatorAsync(_server);
        var page = _bunit.Render<PlatformNumberList>();
        page.WaitForElement("input[name='number']", AdminHarness.Wait).Change("0207 183 8750");
        var tenants = page.FindComponents<RadzenDropDown<Guid?>>().Single(d => d.Instance.Name == "tenantId");
        await page.InvokeAsync(() => tenants.Instance.ValueChanged.InvokeAsync(id));
        page.Find("form.parley-assign-number").Submit();
        page.WaitForElement(".parley-field-error[data-field='number']", AdminHarness.Wait);

        page.Find("input[name='number']").Change("+44 20 7183 8750");
        page.Find("form.parley-assign-number").Submit();

        page.WaitForAssertion(() => Assert.Contains("+442071838750", page.FindAll(".parley-pool-number").Select(n => n.TextContent)), AdminHarness.Wait);
        var row = page.FindAll("tr").Single(r => r.TextContent.Contains("+442071838750", StringComparison.Ordinal));
        Assert.Equal("tenant-b", row.QuerySelector(".parley-pool-tenant")!.TextContent);
        var theirs = await tenantB.JsonAsync("/api/v1/numbers");
        Assert.Contains(theirs.GetProperty("items").EnumerateArray(), n => n.GetProperty("number").GetString() == "+442071838750");

        // The grid reloads after the assignment and may re-create the row between the two clicks: ask again until the
        // confirmation is on screen, then confirm.
        page.WaitForAssertion(() =>
        {
            IElement Row() => page.FindAll("tr").Single(r => r.TextContent.Contains("+442071838750", StringComparison.Ordinal));
            if (Row().QuerySelector(".parley-confirm-yes") is null)
            {
                Row().QuerySelector(".parley-release")!.Click();
            }

            Row().QuerySelector(".parley-confirm-yes")!.Click();
        }, AdminHarness.Wait);
        page.WaitForAssertion(() => Assert.DoesNotContain("+442071838750", page.FindAll(".parley-pool-number").Select(n => n.TextContent)), AdminHarness.Wait);
        Assert.Empty((await tenantB.JsonAsync("/api/v1/numbers")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_platforms_own_tenant_is_not_listed_or_found()
    {
        var operatorActor = await _bunit.AuthorizeAsOperatorAsync(_server);

        var list = _bunit.Render<PlatformTenantList>();
        list.WaitForAssertion(() => Assert.Contains("demo", list.FindAll(".parley-row-link").Select(a => a.TextContent)), AdminHarness.Wait);
        Assert.DoesNotContain("platform", list.FindAll(".parley-row-link").Select(a => a.TextContent));
        var own = _bunit.Render<PlatformTenantEdit>(p => p.Add(t => t.Id, operatorActor.TenantId));
        own.WaitForAssertion(() => Assert.Contains("No such tenant.", own.Markup, StringComparison.Ordinal), AdminHarness.Wait);
    }

    [Fact]
    public async Task A_tenant_administrator_is_refused_and_sees_no_platform_cards()
    {
        var admin = await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        Assert.DoesNotContain(Permissions.PlatformTenantsRead, admin.Permissions);
        var cards = _bunit.Render<AdminHome>().FindAll("a.parley-admin-card").Select(a => a.GetAttribute("href")).ToArray();
        Assert.DoesNotContain("/admin/platform/tenants", cards);
        Assert.DoesNotContain("/admin/platform/numbers", cards);

        var list = _bunit.Render<PlatformTenantList>();
        var problem = list.WaitForElement(".parley-form-problem[data-kind='Forbidden']", AdminHarness.Wait);
        Assert.Contains(Permissions.PlatformTenantsRead, problem.TextContent, StringComparison.Ordinal);
        Assert.Empty(list.FindAll(".parley-row-link"));
        var pool = _bunit.Render<PlatformNumberList>();
        pool.WaitForElement(".parley-form-problem[data-kind='Forbidden']", AdminHarness.Wait);
        Assert.Empty(pool.FindAll("input[name='number']"));
    }

    private static Task SetAsync(IRenderedComponent<PlatformTenantEdit> page, string name, int value)
    {
        var numeric = page.FindComponents<RadzenNumeric<int?>>().Single(n => n.Instance.Name == name);
        return page.InvokeAsync(() => numeric.Instance.ValueChanged.InvokeAsync(value));
    }

    public async ValueTask DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _server.DisposeAsync();
    }
}
