using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Web.Admin;
using Parley.Web.Tests.Support;
using Radzen.Blazor;

namespace Parley.Web.Tests.Admin;

/// <summary>The phone number pages against the real server: a number pointed at a queue and listed, a colleague's change explained, unpointing asked twice.</summary>
public sealed class NumberEditTests : IAsyncLifetime
{
    private const string Assigned = "+442071838750";

    private readonly WebAppFactory _server = new();
    private readonly BunitContext _bunit = new();

    public ValueTask InitializeAsync()
    {
        _bunit.UseServer(_server);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_number_pointed_at_a_queue_is_listed_with_that_queue()
    {
        await _server.AssignNumberToDemoTenantAsync(Assigned);
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var sales = await admin.QueueIdAsync("Sales");
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var nav = _bunit.Services.GetRequiredService<NavigationManager>();
        var page = _bunit.Render<NumberEdit>();
        page.WaitForElement("input[name='number']", AdminHarness.Wait).Change(Assigned);
        page.Find("input[name='description']").Change("London office");
        await ChooseAsync(page, "queueId", sales);

        page.Find("form.parley-admin-form").Submit();

        page.WaitForAssertion(() => Assert.Matches("/admin/numbers/[0-9a-f-]{36}$", nav.Uri), AdminHarness.Wait);
        var id = Guid.Parse(nav.Uri[(nav.Uri.LastIndexOf('/') + 1)..]);
        var read = await admin.JsonAsync($"/api/v1/numbers/{id}");
        Assert.Equal("Queue", read.GetProperty("targetKind").GetString());
        Assert.Equal(sales, read.GetProperty("targetId").GetGuid());

        var list = _bunit.Render<NumberList>();
        list.WaitForAssertion(() => Assert.Contains(Assigned, list.FindAll(".parley-row-link").Select(a => a.TextContent)), AdminHarness.Wait);
        var row = list.FindAll("tr").Single(r => r.TextContent.Contains(Assigned, StringComparison.Ordinal));
        Assert.Contains("Queue Sales", row.QuerySelector(".parley-number-target")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("London office", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repointing_over_someone_elses_change_is_explained_and_unpointing_is_asked_twice()
    {
        await _server.AssignNumberToDemoTenantAsync(Assigned);
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var sales = await admin.QueueIdAsync("Sales");
        var id = (await admin.SendAsync(HttpMethod.Post, "/api/v1/numbers", new { number = Assigned, targetKind = "Queue", targetId = sales })).GetProperty("id").GetGuid();
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var nav = _bunit.Services.GetRequiredService<NavigationManager>();
        var page = _bunit.Render<NumberEdit>(p => p.Add(n => n.Id, id));
        page.WaitForAssertion(() => Assert.Equal(Assigned, page.Find("input[name='number']").GetAttribute("value")), AdminHarness.Wait);

        // A colleague describes the number through the REST API (with If-Match) while the form is open.
        await admin.ChangeAsync($"/api/v1/numbers/{id}", body => body["description"] = "Changed by a colleague");
        page.Find("input[name='description']").Change("Mine");
        page.Find("form.parley-admin-form").Submit();

        var problem = page.WaitForElement(".parley-form-problem[data-kind='Stale']", AdminHarness.Wait);
        Assert.Contains("Changed by someone else", problem.TextContent, StringComparison.Ordinal);
        Assert.Equal("Changed by a colleague", (await admin.JsonAsync($"/api/v1/numbers/{id}")).GetProperty("description").GetString());

        page.Find(".parley-delete").Click();
        Assert.Equal("Queue", (await admin.JsonAsync($"/api/v1/numbers/{id}")).GetProperty("targetKind").GetString());
        page.Find(".parley-confirm-yes").Click();

        page.WaitForAssertion(() => Assert.EndsWith("/admin/numbers", nav.Uri, StringComparison.Ordinal), AdminHarness.Wait);
        Assert.Equal("None", (await admin.JsonAsync($"/api/v1/numbers/{id}")).GetProperty("targetKind").GetString());
    }

    private static Task ChooseAsync(IRenderedComponent<NumberEdit> page, string name, Guid value)
    {
        var dropDown = page.FindComponents<RadzenDropDown<Guid?>>().Single(d => d.Instance.Name == name);
        return page.InvokeAsync(() => dropDown.Instance.ValueChanged.InvokeAsync(value));
    }

    public async ValueTask DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _server.DisposeAsync();
    }
}
