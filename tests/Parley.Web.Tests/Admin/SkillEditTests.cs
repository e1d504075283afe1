using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Web.Admin;
using Parley.Web.Tests.Support;
using Radzen.Blazor;

namespace Parley.Web.Tests.Admin;

/// <summary>
/// The skills pages and a queue's required skills against the real server: a skill made, listed and read over REST; who uses a
/// skill, and its delete refused while they do; a queue requiring it from its form; another tenant's skill not found.
/// </summary>
public sealed class SkillEditTests : IAsyncLifetime
{
    private readonly WebAppFactory _server = new();
    private readonly BunitContext _bunit = new();

    public ValueTask InitializeAsync()
    {
        _bunit.UseServer(_server);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_skill_made_on_the_page_is_stored_listed_and_opened_saying_saved()
    {
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var nav = _bunit.Services.GetRequiredService<NavigationManager>();
        var page = _bunit.Render<SkillEdit>();
        page.WaitForElement("input[name='name']", AdminHarness.Wait).Change("spanish");
        page.Find("textarea[name='description']").Change("Speaks Spanish with customers");

        page.Find("form.parley-admin-form").Submit();

        page.WaitForAssertion(() => Assert.Matches("/admin/skills/[0-9a-f-]{36}$", nav.Uri), AdminHarness.Wait);
        var id = Guid.Parse(nav.Uri[^36..]);
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var stored = await admin.JsonAsync($"/api/v1/skills/{id}");
        Assert.Equal("spanish", stored.GetProperty("name").GetString());
        Assert.Equal("Speaks Spanish with customers", stored.GetProperty("description").GetString());

        // The router opens the new skill in the same page: it says the save went through and that nobody uses the skill yet.
        page.Render(p => p.Add(s => s.Id, id));
        page.WaitForAssertion(() => Assert.Equal("Saved.", page.Find(".parley-save-status").TextContent.Trim()), AdminHarness.Wait);
        Assert.Contains("No agent holds this skill", page.Find(".parley-skill-usage").TextContent, StringComparison.Ordinal);
        var list = _bunit.Render<SkillList>();
        list.WaitForAssertion(() => Assert.Contains("spanish", list.FindAll(".parley-row-link").Select(a => a.TextContent)), AdminHarness.Wait);
    }

    [Fact]
    public async Task A_skill_in_use_shows_who_uses_it_and_its_delete_is_refused_naming_them()
    {
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var french = await SkillIdAsync(admin, "french");
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<SkillEdit>(p => p.Add(s => s.Id, french));
        page.WaitForAssertion(() => Assert.Contains("Bob Agent", page.Find(".parley-skill-agents").TextContent, StringComparison.Ordinal), AdminHarness.Wait);
        Assert.Contains("proficiency 3", page.Find(".parley-skill-agents").TextContent, StringComparison.Ordinal);

        page.Find(".parley-delete").Click();
        page.Find(".parley-confirm-yes").Click();

        var problem = page.WaitForElement(".parley-form-problem", AdminHarness.Wait);
        Assert.Contains("agent Bob Agent", problem.TextContent, StringComparison.Ordinal);
        Assert.Equal("french", (await admin.JsonAsync($"/api/v1/skills/{french}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_queue_requires_a_skill_chosen_on_its_form_with_a_minimum_proficiency()
    {
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var sales = await admin.QueueIdAsync("Sales");
        var english = await SkillIdAsync(admin, "english");
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<QueueEdit>(p => p.Add(q => q.Id, sales));
        page.WaitForElement("tr[data-skill='sales']", AdminHarness.Wait);

        page.FindAll("button").Single(b => b.TextContent.Contains("Add required skill", StringComparison.Ordinal)).Click();
        var table = page.FindComponent<SkillLevelTable>();
        var added = table.FindComponents<RadzenDropDown<Guid?>>()[^1];
        await page.InvokeAsync(() => added.Instance.ValueChanged.InvokeAsync(english));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("tr[data-skill='english']")), AdminHarness.Wait);
        page.Find("tr[data-skill='english'] td:nth-child(2) input").Change("4");
        page.Find("form.parley-admin-form").Submit();

        page.WaitForElement(".parley-saved", AdminHarness.Wait);
        var queue = await admin.JsonAsync($"/api/v1/queues/{sales}");
        var required = queue.GetProperty("requiredSkills").EnumerateArray().ToDictionary(s => s.GetProperty("skillId").GetGuid(), s => s.GetProperty("minProficiency").GetInt32());
        Assert.Equal(4, required[english]);
        Assert.Equal(2, required.Count);
    }

    [Fact]
    public async Task Another_tenants_skill_is_not_found_and_not_listed()
    {
        using var other = await _server.OtherTenantAdminAsync("other-skills");
        var canary = (await other.SendAsync(HttpMethod.Post, "/api/v1/skills", new { name = "canary-skill" })).GetProperty("id").GetGuid();
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);

        var page = _bunit.Render<SkillEdit>(p => p.Add(s => s.Id, canary));

        page.WaitForAssertion(() => Assert.Contains("No such skill.", page.Markup, StringComparison.Ordinal), AdminHarness.Wait);
        Assert.DoesNotContain("canary", page.Markup, StringComparison.Ordinal);
        var list = _bunit.Render<SkillList>();
        list.WaitForAssertion(() => Assert.Contains("sales", list.FindAll(".parley-row-link").Select(a => a.TextContent)), AdminHarness.Wait);
        Assert.DoesNotContain("canary", list.Markup, StringComparison.Ordinal);
    }

    private static async Task<Guid> SkillIdAsync(HttpClient client, string name)
    {
        var skills = await client.JsonAsync("/api/v1/skills?limit=200");
        return skills.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();
    }

    public async ValueTask DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _server.DisposeAsync();
    }
}
