using Bunit;
using Parley.Server.Web.Admin;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.Admin;

/// <summary>The agent form against the real server: a skill's proficiency saved, the server's refusals shown in place.</summary>
public sealed class AgentEditTests : IAsyncLifetime
{
    private readonly WebAppFactory _server = new();
    private readonly BunitContext _bunit = new();

    public ValueTask InitializeAsync()
    {
        _bunit.UseServer(_server);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Changing_a_skills_proficiency_saves_it_for_the_rest_api_and_routing()
    {
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var alice = await AgentIdAsync(admin, "Alice Agent");
        var before = (await admin.JsonAsync($"/api/v1/agents/{alice}")).GetProperty("version").GetInt64();
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<AgentEdit>(p => p.Add(a => a.Id, alice));
        var proficiency = page.WaitForElement("tr[data-skill='sales'] td:nth-child(2) input", AdminHarness.Wait);
        Assert.Equal("5", proficiency.GetAttribute("value"));

        proficiency.Change("2");
        page.Find("form.parley-admin-form").Submit();

        var outcome = page.WaitForElement(".parley-saved, .parley-form-problem, .parley-field-error", AdminHarness.Wait);
        Assert.True(outcome.ClassList.Contains("parley-saved"), outcome.TextContent);
        var skills = await admin.JsonAsync("/api/v1/skills?limit=200");
        var salesSkill = skills.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "sales").GetProperty("id").GetGuid();
        var agent = await admin.JsonAsync($"/api/v1/agents/{alice}");
        Assert.Equal(2, agent.GetProperty("skills").EnumerateArray().Single(s => s.GetProperty("skillId").GetGuid() == salesSkill).GetProperty("proficiency").GetInt32());
        Assert.Equal(before + 1, agent.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task An_extension_the_api_refuses_is_explained_under_the_extension()
    {
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var alice = await AgentIdAsync(admin, "Alice Agent");
        var before = (await admin.JsonAsync($"/api/v1/agents/{alice}")).GetProperty("version").GetInt64();
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<AgentEdit>(p => p.Add(a => a.Id, alice));

        page.WaitForElement("input[name='extension']", AdminHarness.Wait).Change("12ab");
        page.Find("form.parley-admin-form").Submit();

        var error = page.WaitForElement(".parley-field-error[data-field='extension']", AdminHarness.Wait);
        Assert.NotNull(error.ParentElement!.QuerySelector("input[name='extension']"));
        Assert.Equal(before, (await admin.JsonAsync($"/api/v1/agents/{alice}")).GetProperty("version").GetInt64());
    }

    private static async Task<Guid> AgentIdAsync(HttpClient client, string name)
    {
        var agents = await client.JsonAsync("/api/v1/agents?limit=200");
        return agents.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("displayName").GetString() == name).GetProperty("id").GetGuid();
    }

    public async ValueTask DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _server.DisposeAsync();
    }
}
