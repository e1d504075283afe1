using System.Text.Json.Nodes;
using Bunit;
using Parley.Server.Web.Admin;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.Admin;

/// <summary>The queue form against the real server: refusals shown where they belong, someone else's change explained, not overwritten.</summary>
public sealed class QueueEditTests : IAsyncLifetime
{
    private readonly WebAppFactory _server = new();
    private readonly BunitContext _bunit = new();

    public ValueTask InitializeAsync()
    {
        _bunit.UseServer(_server);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_refused_field_shows_the_servers_message_under_that_field_and_nothing_is_created()
    {
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<QueueEdit>();
        page.WaitForElement("input[name='name']", AdminHarness.Wait).Change("Escalations");
        page.Find("input[name='serviceLevelTargetSeconds']").Change("0");

        page.Find("form.parley-admin-form").Submit();

        var error = page.WaitForElement(".parley-field-error[data-field='serviceLevelTargetSeconds']", AdminHarness.Wait);
        // In a person's words: the field as they read it, not the request's property (the newcomer read "ServiceLevelTargetSeconds").
        Assert.Equal("Service level target (seconds) must be between 1 and 3600.", error.TextContent);
        Assert.NotNull(error.ParentElement!.QuerySelector("input[name='serviceLevelTargetSeconds']"));
        Assert.Empty(page.FindAll(".parley-form-problem"));
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var queues = await admin.JsonAsync("/api/v1/queues?limit=200");
        Assert.DoesNotContain(queues.GetProperty("items").EnumerateArray(), q => q.GetProperty("name").GetString() == "Escalations");
    }

    [Fact]
    public async Task A_rule_of_the_application_layer_refuses_in_place_too()
    {
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<QueueEdit>();
        page.WaitForElement("input[name='name']", AdminHarness.Wait).Change("Escalations");
        page.Find("input[name='maxSize']").Change("5");
        foreach (var box in page.FindAll(".rz-chkbox-box"))
        {
            // Untick every channel: the queue then serves none, which the rules refuse on "channels".
            if (box.ClassList.Contains("rz-state-active"))
            {
                box.Click();
            }
        }

        page.Find("form.parley-admin-form").Submit();

        var error = page.WaitForElement(".parley-field-error[data-field='channels']", AdminHarness.Wait);
        Assert.False(string.IsNullOrWhiteSpace(error.TextContent));
    }

    [Fact]
    public async Task Overflow_to_another_queue_without_one_is_explained_in_words_under_then()
    {
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<QueueEdit>();
        page.WaitForElement("input[name='name']", AdminHarness.Wait).Change("Escalations");
        var then = page.FindComponents<Radzen.Blazor.RadzenDropDown<string>>().Single(d => d.Instance.Name == "overflowTarget");
        await page.InvokeAsync(() => then.Instance.ValueChanged.InvokeAsync("Queue"));

        page.Find("form.parley-admin-form").Submit();

        var error = page.WaitForElement(".parley-field-error[data-field='overflowTarget']", AdminHarness.Wait);
        Assert.StartsWith("Overflow to another queue needs the queue to go to", error.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_over_someone_elses_change_is_refused_with_an_explanation_and_reload_shows_their_change()
    {
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var sales = await admin.QueueIdAsync("Sales");
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<QueueEdit>(p => p.Add(q => q.Id, sales));
        page.WaitForAssertion(() => Assert.Equal("Sales", page.Find("input[name='name']").GetAttribute("value")), AdminHarness.Wait);

        // A colleague raises the priority through the REST API while the form is open.
        await admin.ChangeAsync($"/api/v1/queues/{sales}", body => body["priority"] = 7);
        page.Find("input[name='name']").Change("Sales desk");
        page.Find("form.parley-admin-form").Submit();

        var problem = page.WaitForElement(".parley-form-problem[data-kind='Stale']", AdminHarness.Wait);
        Assert.Contains("Changed by someone else", problem.TextContent, StringComparison.Ordinal);
        Assert.Equal("Sales", (await admin.JsonAsync($"/api/v1/queues/{sales}")).GetProperty("name").GetString());

        page.Find(".parley-reload").Click();
        page.WaitForAssertion(() => Assert.Equal("7", page.Find("input[name='priority']").GetAttribute("value")), AdminHarness.Wait);
        Assert.Empty(page.FindAll(".parley-form-problem"));
        page.Find("input[name='name']").Change("Sales desk");
        page.Find("form.parley-admin-form").Submit();
        page.WaitForElement(".parley-saved", AdminHarness.Wait);
        var saved = await admin.JsonAsync($"/api/v1/queues/{sales}");
        Assert.Equal("Sales desk", saved.GetProperty("name").GetString());
        Assert.Equal(7, saved.GetProperty("priority").GetInt32());
    }

    [Fact]
    public async Task An_optional_wrap_ups_time_limit_is_shown_and_kept_when_the_queue_is_saved()
    {
        // The demo's Support queue: wrap-up Optional with a 30-s limit, which the routing engine enforces.
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var support = await admin.QueueIdAsync("Support");
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<QueueEdit>(p => p.Add(q => q.Id, support));
        page.WaitForAssertion(() => Assert.Equal("30", page.Find("input[name='wrapUpTimeLimitSeconds']").GetAttribute("value")), AdminHarness.Wait);
        Assert.Equal("Time limit (s), empty for none", page.Find("label[for='wrapUpTimeLimitSeconds']").TextContent.Trim());

        page.Find("input[name='wrapUpTimeLimitSeconds']").Change("45");
        page.Find("form.parley-admin-form").Submit();

        page.WaitForElement(".parley-saved", AdminHarness.Wait);
        var saved = await admin.JsonAsync($"/api/v1/queues/{support}");
        Assert.Equal("Optional", saved.GetProperty("wrapUpMode").GetString());
        Assert.Equal(45, saved.GetProperty("wrapUpTimeLimitSeconds").GetInt32());
    }

    public async ValueTask DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _server.DisposeAsync();
    }
}
