using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Web.Admin;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.Admin;

/// <summary>The not-ready reason form against the real server: the code's rule explained in place, a new reason saved for the REST API.</summary>
public sealed class NotReadyReasonEditTests : IAsyncLifetime
{
    private readonly WebAppFactory _server = new();
    private readonly BunitContext _bunit = new();

    public ValueTask InitializeAsync()
    {
        _bunit.UseServer(_server);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_code_with_capitals_is_explained_under_the_code_and_a_good_one_is_created()
    {
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var nav = _bunit.Services.GetRequiredService<NavigationManager>();
        var page = _bunit.Render<NotReadyReasonEdit>();
        page.WaitForElement("input[name='code']", AdminHarness.Wait).Change("Coaching");
        page.Find("input[name='name']").Change("Coaching session");

        page.Find("form.parley-admin-form").Submit();

        var error = page.WaitForElement(".parley-field-error[data-field='code']", AdminHarness.Wait);
        Assert.NotNull(error.ParentElement!.QuerySelector("input[name='code']"));
        page.Find("input[name='code']").Change("coaching");
        page.Find("form.parley-admin-form").Submit();

        page.WaitForAssertion(() => Assert.Contains("/admin/not-ready-reasons/", nav.Uri, StringComparison.Ordinal), AdminHarness.Wait);
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var reasons = await admin.JsonAsync("/api/v1/not-ready-reasons?limit=200");
        Assert.Contains(reasons.GetProperty("items").EnumerateArray(), r => r.GetProperty("code").GetString() == "coaching" && r.GetProperty("name").GetString() == "Coaching session");
    }

    public async ValueTask DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _server.DisposeAsync();
    }
}
