using System.Diagnostics;
using Bunit;
using Parley.Server.Application.Admin;
using Parley.Server.Web.Admin;
using Parley.Server.Webhooks;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.Admin;

/// <summary>Webhooks in the console: the signing secret shown once, "Send test" delivered signed, the delivery log showing it.</summary>
public sealed class WebhookEditTests : IAsyncLifetime
{
    private readonly WebAppFactory _server = new();
    private readonly BunitContext _bunit = new();

    public ValueTask InitializeAsync()
    {
        _bunit.UseServer(_server);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Send_test_delivers_a_signed_test_event_and_the_log_shows_it_delivered()
    {
        await using var catcher = new HookCatcher();
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var created = _bunit.Render<WebhookEdit>();
        created.WaitForElement("input[name='url']", AdminHarness.Wait).Change(catcher.Url);
        created.Find("input[name='eventTypes']").Change("interaction.offered, interaction.ended");
        created.Find("form.parley-admin-form").Submit();
        var secret = created.WaitForElement(".parley-secret-value", AdminHarness.Wait).TextContent;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);

        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var hook = (await admin.JsonAsync("/api/v1/webhooks?limit=200")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(["interaction.offered", "interaction.ended"], hook.GetProperty("eventTypes").EnumerateArray().Select(e => e.GetString()));
        var page = _bunit.Render<WebhookEdit>(p => p.Add(w => w.Id, hook.GetProperty("id").GetGuid()));
        page.WaitForElement(".parley-send-test", AdminHarness.Wait).Click();

        var caught = await catcher.FirstAsync();
        Assert.Equal(WebhookAdmin.TestEventType, caught.Headers[WebhookSignature.EventHeader]);
        Assert.True(WebhookSignature.Verify(secret, caught.Headers[WebhookSignature.Header], caught.Body), "the test event is signed with the secret shown");
        page.WaitForElement(".parley-test-sent", AdminHarness.Wait);

        // The sender marks the row after the receiver answered: refresh until the log says so (or the deadline passes).
        var waited = Stopwatch.StartNew();
        while (page.FindAll(".parley-delivery-status[data-status='Delivered']").Count == 0 && waited.Elapsed < AdminHarness.Wait)
        {
            await page.InvokeAsync(() => page.Find(".parley-refresh").Click());
            await Task.Delay(100, Xunit.TestContext.Current.CancellationToken);
        }

        var row = page.Find(".parley-delivery-status[data-status='Delivered']").Closest("tr")!;
        Assert.Contains(WebhookAdmin.TestEventType, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("HTTP 200", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_url_that_is_not_one_is_explained_under_the_url_and_nothing_is_subscribed()
    {
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var page = _bunit.Render<WebhookEdit>();
        page.WaitForElement("input[name='url']", AdminHarness.Wait).Change("ftp://example.com/hook");

        page.Find("form.parley-admin-form").Submit();

        page.WaitForElement(".parley-field-error[data-field='url']", AdminHarness.Wait);
        Assert.Empty(page.FindAll(".parley-secret-value"));
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        Assert.Equal(0, (await admin.JsonAsync("/api/v1/webhooks?limit=200")).GetProperty("items").GetArrayLength());
    }

    public async ValueTask DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _server.DisposeAsync();
    }
}
