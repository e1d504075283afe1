using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Web.Admin;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.Admin;

/// <summary>The schedule form against the real server: zone, hours and a holiday saved and shown again; a bad time explained under its row.</summary>
public sealed class ScheduleEditTests : IAsyncLifetime
{
    private readonly WebAppFactory _server = new();
    private readonly BunitContext _bunit = new();

    public ValueTask InitializeAsync()
    {
        _bunit.UseServer(_server);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_schedule_with_a_zone_weekly_hours_and_a_holiday_round_trips()
    {
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var nav = _bunit.Services.GetRequiredService<NavigationManager>();
        var page = _bunit.Render<ScheduleEdit>();
        page.WaitForElement("input[name='name']", AdminHarness.Wait).Change("London office");
        page.Find("input[name='timeZone']").Change("Europe/London");
        page.Find("input[name='weekly-4-close']").Change("16:30");
        page.Find("button.parley-add-holiday").Click();
        page.Find("input[name='holidays-0-date']").Change("2026-12-25");
        page.Find("input[name='holidays-0-name']").Change("Christmas Day");

        page.Find("form.parley-admin-form").Submit();

        page.WaitForAssertion(() => Assert.Matches("/admin/schedules/[0-9a-f-]{36}$", nav.Uri), AdminHarness.Wait);
        var id = Guid.Parse(nav.Uri[(nav.Uri.LastIndexOf('/') + 1)..]);
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var read = await admin.JsonAsync($"/api/v1/schedules/{id}");
        Assert.Equal("Europe/London", read.GetProperty("timeZone").GetString());
        Assert.Equal(5, read.GetProperty("weekly").GetArrayLength());
        Assert.Equal("16:30", read.GetProperty("weekly")[4].GetProperty("close").GetString());
        Assert.Equal("2026-12-25", read.GetProperty("holidays")[0].GetProperty("date").GetString());

        var again = _bunit.Render<ScheduleEdit>(p => p.Add(s => s.Id, id));
        again.WaitForAssertion(() => Assert.Equal("London office", again.Find("input[name='name']").GetAttribute("value")), AdminHarness.Wait);
        Assert.Equal("Europe/London", again.Find("input[name='timeZone']").GetAttribute("value"));
        Assert.Equal("16:30", again.Find("input[name='weekly-4-close']").GetAttribute("value"));
        Assert.Equal("Christmas Day", again.Find("input[name='holidays-0-name']").GetAttribute("value"));
        var list = _bunit.Render<ScheduleList>();
        list.WaitForAssertion(() => Assert.Contains("London office", list.FindAll(".parley-row-link").Select(a => a.TextContent)), AdminHarness.Wait);
    }

    [Fact]
    public async Task A_bad_closing_time_and_a_bad_holiday_date_are_each_explained_under_their_row()
    {
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<ScheduleEdit>();
        page.WaitForElement("input[name='name']", AdminHarness.Wait).Change("Night desk");
        page.Find("input[name='weekly-2-close']").Change("25:00");
        page.Find("button.parley-add-holiday").Click();
        page.Find("input[name='holidays-0-date']").Change("25/12/2026");

        page.Find("form.parley-admin-form").Submit();

        var hours = page.WaitForElement(".parley-field-error[data-field='/weekly/2']", AdminHarness.Wait);
        Assert.NotNull(hours.ParentElement!.QuerySelector("input[name='weekly-2-close']"));
        var holiday = page.Find(".parley-field-error[data-field='/holidays/0']");
        Assert.NotNull(holiday.ParentElement!.QuerySelector("input[name='holidays-0-date']"));
        Assert.Empty(page.FindAll(".parley-form-problem"));
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var schedules = await admin.JsonAsync("/api/v1/schedules?limit=200");
        Assert.DoesNotContain(schedules.GetProperty("items").EnumerateArray(), s => s.GetProperty("name").GetString() == "Night desk");
    }

    public async ValueTask DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _server.DisposeAsync();
    }
}
