using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Parley.Data;
using Parley.Data.Entities.Sip;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Web.Admin;
using Parley.Web.Tests.Support;
using Radzen.Blazor;

namespace Parley.Web.Tests.Admin;

/// <summary>
/// The SIP account pages against the real server: an account made with a generated password (shown once, never read back), a short
/// password explained in place, a colleague's change explained, another tenant's account not found, the live registrations listed,
/// and a user without <c>sip-credentials.write</c> refused.
/// </summary>
public sealed class SipAccountTests : IAsyncLifetime
{
    private readonly WebAppFactory _server = new();
    private readonly BunitContext _bunit = new();

    public ValueTask InitializeAsync()
    {
        _bunit.UseServer(_server);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task An_account_with_a_generated_password_is_stored_and_the_password_is_shown_only_on_the_page()
    {
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var userId = (await admin.JsonAsync("/api/v1/me")).GetProperty("id").GetGuid();
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var nav = _bunit.Services.GetRequiredService<NavigationManager>();
        var page = _bunit.Render<SipAccountEdit>();
        page.WaitForElement("input[name='sipUserName']", AdminHarness.Wait).Change("admin-desk");
        var users = page.FindComponents<RadzenDropDown<Guid?>>().Single(d => d.Instance.Name == "userId");
        await page.InvokeAsync(() => users.Instance.ValueChanged.InvokeAsync(userId));
        page.Find(".parley-generate").Click();
        var password = page.Find(".parley-secret-value").TextContent;
        Assert.Equal(20, password.Length);

        page.Find("form.parley-admin-form").Submit();

        page.WaitForAssertion(() => Assert.Matches("/admin/sip-accounts/[0-9a-f-]{36}$", nav.Uri), AdminHarness.Wait);
        var id = nav.Uri[(nav.Uri.LastIndexOf('/') + 1)..];
        using var read = await admin.GetAsync($"/api/v1/sip-credentials/{id}", Xunit.TestContext.Current.CancellationToken);
        var body = await read.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken);
        Assert.Contains("\"sipUserName\":\"admin-desk\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(password, body, StringComparison.Ordinal);
        var opened = _bunit.Render<SipAccountEdit>(p => p.Add(s => s.Id, Guid.Parse(id)));
        opened.WaitForAssertion(() => Assert.Equal("admin-desk", opened.Find("input[name='sipUserName']").GetAttribute("value")), AdminHarness.Wait);
        Assert.DoesNotContain(password, opened.Markup, StringComparison.Ordinal);
        var list = _bunit.Render<SipAccountList>();
        list.WaitForAssertion(() => Assert.Contains("admin-desk", list.FindAll(".parley-row-link").Select(a => a.TextContent)), AdminHarness.Wait);
    }

    [Fact]
    public async Task A_short_password_is_explained_under_the_password_and_nothing_is_created()
    {
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<SipAccountEdit>();
        page.WaitForElement("input[name='sipUserName']", AdminHarness.Wait).Change("too-short");
        page.Find("input[name='password']").Change("short");

        page.Find("form.parley-admin-form").Submit();

        var error = page.WaitForElement(".parley-field-error[data-field='password']", AdminHarness.Wait);
        Assert.NotNull(error.ParentElement!.QuerySelector("input[name='password']"));
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var all = await admin.JsonAsync("/api/v1/sip-credentials?limit=200");
        Assert.DoesNotContain(all.GetProperty("items").EnumerateArray(), c => c.GetProperty("sipUserName").GetString() == "too-short");
    }

    [Fact]
    public async Task Saving_over_someone_elses_change_is_explained_and_theirs_is_kept()
    {
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var userId = (await admin.JsonAsync("/api/v1/me")).GetProperty("id").GetGuid();
        var id = (await admin.SendAsync(HttpMethod.Post, "/api/v1/sip-credentials", new { userId, sipUserName = "front-desk", password = "Front-Desk-2026" })).GetProperty("id").GetGuid();
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<SipAccountEdit>(p => p.Add(s => s.Id, id));
        page.WaitForAssertion(() => Assert.Equal("front-desk", page.Find("input[name='sipUserName']").GetAttribute("value")), AdminHarness.Wait);

        await admin.ChangeAsync($"/api/v1/sip-credentials/{id}", body =>
        {
            body["sipUserName"] = "reception";
            body["password"] = "Reception-2026";
        });
        page.Find("input[name='password']").Change("Mine-Is-Newer-1");
        page.Find("form.parley-admin-form").Submit();

        page.WaitForElement(".parley-form-problem[data-kind='Stale']", AdminHarness.Wait);
        Assert.Equal("reception", (await admin.JsonAsync($"/api/v1/sip-credentials/{id}")).GetProperty("sipUserName").GetString());
    }

    [Fact]
    public async Task Another_tenants_account_is_not_found_by_address()
    {
        using var other = await _server.OtherTenantAdminAsync("tenant-b");
        var boss = (await other.JsonAsync("/api/v1/me")).GetProperty("id").GetGuid();
        var theirs = await other.SendAsync(HttpMethod.Post, "/api/v1/sip-credentials", new { userId = boss, sipUserName = "canary-phone", password = "Canary-Phone-2026" });
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);

        var page = _bunit.Render<SipAccountEdit>(p => p.Add(s => s.Id, theirs.GetProperty("id").GetGuid()));

        page.WaitForAssertion(() => Assert.Contains("No such SIP account.", page.Markup, StringComparison.Ordinal), AdminHarness.Wait);
        Assert.DoesNotContain("canary", page.Markup, StringComparison.OrdinalIgnoreCase);
        var list = _bunit.Render<SipAccountList>();
        list.Find("input.parley-filter").Input("canary");
        list.WaitForAssertion(() => Assert.Contains("No SIP accounts match.", list.Markup, StringComparison.Ordinal), AdminHarness.Wait);
    }

    [Fact]
    public async Task A_live_registration_is_listed_with_its_contact_and_user_agent_and_an_expired_one_is_not()
    {
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var tenantId = (await admin.JsonAsync("/api/v1/me")).GetProperty("tenantId").GetGuid();
        var now = _server.Time.GetUtcNow();
        await using (var scope = _server.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenantId);
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            db.Set<SipRegistration>().Add(Registration(tenantId, "sip:desk-7@203.0.113.7:5060", "Yealink SIP-T46U", now.AddMinutes(30), now));
            db.Set<SipRegistration>().Add(Registration(tenantId, "sip:old@203.0.113.8:5060", "Gone phone", now.AddMinutes(-1), now));
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }

        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var list = _bunit.Render<SipAccountList>();

        list.WaitForAssertion(() => Assert.Contains("sip:desk-7@203.0.113.7:5060", list.Find(".parley-registrations").TextContent, StringComparison.Ordinal), AdminHarness.Wait);
        var registrations = list.Find(".parley-registrations").TextContent;
        Assert.Contains("Yealink SIP-T46U", registrations, StringComparison.Ordinal);
        Assert.Matches("in (29|30) min", registrations);
        Assert.DoesNotContain("Gone phone", registrations, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_without_sip_credentials_write_is_refused_and_sees_no_card()
    {
        var agent = await _bunit.AuthorizeAsAsync(_server, "agent1");
        Assert.DoesNotContain(Permissions.SipCredentialsWrite, agent.Permissions);
        Assert.DoesNotContain("/admin/sip-accounts", _bunit.Render<AdminHome>().FindAll("a.parley-admin-card").Select(a => a.GetAttribute("href")));

        var list = _bunit.Render<SipAccountList>();

        var problem = list.WaitForElement(".parley-form-problem[data-kind='Forbidden']", AdminHarness.Wait);
        Assert.Contains(Permissions.SipCredentialsWrite, problem.TextContent, StringComparison.Ordinal);
        Assert.Empty(list.FindAll(".parley-row-link"));
    }

    private static SipRegistration Registration(Guid tenantId, string contact, string userAgent, DateTimeOffset expires, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), TenantId = tenantId, Aor = "sip:desk@demo", ContactUri = contact, ExpiresAt = expires, CallId = Guid.NewGuid().ToString(),
        CSeq = 1, SourceAddress = "203.0.113.7", SourcePort = 5060, Transport = "UDP", UserAgent = userAgent, CreatedAt = now, UpdatedAt = now,
    };

    public async ValueTask DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _server.DisposeAsync();
    }
}
