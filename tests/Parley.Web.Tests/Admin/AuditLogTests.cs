using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Data;
using Parley.Server.Web.Admin;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.Admin;

/// <summary>The audit log viewer: filters applied by the server, and the hash chain's verification shown above the entries.</summary>
public sealed class AuditLogTests : IAsyncLifetime
{
    private readonly WebAppFactory _server = new();
    private readonly BunitContext _bunit = new();

    public ValueTask InitializeAsync()
    {
        _bunit.UseServer(_server);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Filtered_by_action_only_those_entries_show_under_a_verified_chain()
    {
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        await admin.SendAsync(HttpMethod.Post, "/api/v1/not-ready-reasons", new { code = "audit-probe", name = "Audit probe" });
        await admin.SendAsync(HttpMethod.Post, "/api/v1/queues", new { name = "Audited queue", channels = new[] { "Chat" } });
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);

        _bunit.Services.GetRequiredService<NavigationManager>().NavigateTo("/admin/audit?action=queues.create");
        var page = _bunit.Render<AuditLog>();

        page.WaitForElement(".parley-verify[data-valid='true']", AdminHarness.Wait);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".parley-audit-action")), AdminHarness.Wait);
        Assert.All(page.FindAll(".parley-audit-action"), a => Assert.Equal("queues.create", a.TextContent));
        Assert.Contains("Audited queue", page.Find(".parley-audit-grid").TextContent, StringComparison.Ordinal);

        page.Find("input.parley-filter").Input("no such summary anywhere");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".parley-audit-action")), AdminHarness.Wait);
    }

    [Fact]
    public async Task An_entry_changed_in_the_database_shows_where_the_chain_breaks()
    {
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        await admin.SendAsync(HttpMethod.Post, "/api/v1/not-ready-reasons", new { code = "tamper-probe", name = "Tamper probe" });
        var tenantId = (await admin.JsonAsync("/api/v1/me")).GetProperty("tenantId").GetGuid();
        await using (var scope = _server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            await db.AuditEntries.IgnoreQueryFilters().Where(e => e.TenantId == tenantId && e.Sequence == 1)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Summary, "nothing happened here"), Xunit.TestContext.Current.CancellationToken);
        }

        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<AuditLog>();

        var verdict = page.WaitForElement(".parley-verify[data-valid='false']", AdminHarness.Wait);
        Assert.Contains("Chain broken at entry #1", verdict.TextContent, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _server.DisposeAsync();
    }
}
