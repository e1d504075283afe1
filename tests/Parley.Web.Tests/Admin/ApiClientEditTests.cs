using System.Net;
using Bunit;
using Microsoft.AspNetCore.Mvc.Testing;
using Parley.Domain.Security;
using Parley.Server.Web.Admin;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.Admin;

/// <summary>API clients in the console: the secret shown once, rotated (old one dead at once) and the client revoked.</summary>
public sealed class ApiClientEditTests : IAsyncLifetime
{
    private readonly WebAppFactory _server = new();
    private readonly BunitContext _bunit = new();

    public ValueTask InitializeAsync()
    {
        _bunit.UseServer(_server);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_new_clients_secret_is_shown_once_works_and_rotating_replaces_it()
    {
        await _bunit.AuthorizeAsAsync(_server, "admin", AdminHarness.AdminPassword);
        var created = _bunit.Render<ApiClientEdit>();
        created.WaitForElement("input[name='perm-queues.read']", AdminHarness.Wait).Change(true);
        created.Find("input[name='name']").Change("CRM sync");
        created.Find("form.parley-admin-form").Submit();

        var secret = created.WaitForElement(".parley-secret-value", AdminHarness.Wait).TextContent;
        var clientId = created.Find(".parley-secret-id").TextContent;
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(clientId, secret));

        // Opened again, the client's page no longer has the secret.
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var id = (await admin.JsonAsync("/api/v1/api-clients?limit=200")).GetProperty("items").EnumerateArray()
            .Single(c => c.GetProperty("clientId").GetString() == clientId).GetProperty("id").GetGuid();
        var page = _bunit.Render<ApiClientEdit>(p => p.Add(c => c.Id, id));
        page.WaitForAssertion(() => Assert.Contains(clientId, page.Find(".parley-detail").TextContent, StringComparison.Ordinal), AdminHarness.Wait);
        Assert.Empty(page.FindAll(".parley-secret-value"));
        Assert.DoesNotContain(secret, page.Markup, StringComparison.Ordinal);

        page.Find(".parley-rotate").Click();
        page.Find(".parley-confirm-yes").Click();
        var rotated = page.WaitForElement(".parley-secret-value", AdminHarness.Wait).TextContent;
        Assert.NotEqual(secret, rotated);
        Assert.NotEqual(HttpStatusCode.OK, await TokenStatusAsync(clientId, secret));
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(clientId, rotated));

        page.Find(".parley-revoke").Click();
        page.Find(".parley-confirm-yes").Click();
        page.WaitForAssertion(() => Assert.StartsWith("Revoked", page.Find(".parley-client-status").TextContent, StringComparison.Ordinal), AdminHarness.Wait);
        Assert.NotEqual(HttpStatusCode.OK, await TokenStatusAsync(clientId, rotated));
    }

    [Fact]
    public async Task Rotating_over_the_api_needs_the_version_and_answers_a_new_secret()
    {
        using var admin = await _server.SignInAsync("admin", AdminHarness.AdminPassword);
        var created = await admin.SendAsync(HttpMethod.Post, "/api/v1/api-clients", new { name = "Billing", permissions = new[] { Permissions.QueuesRead } });
        var client = created.GetProperty("client");
        var url = $"/api/v1/api-clients/{client.GetProperty("id").GetGuid()}/secret";

        using (var missing = await admin.PostAsync(url, null, Xunit.TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        }

        var rotated = await admin.SendAsync(HttpMethod.Post, url, ifMatch: $"\"{client.GetProperty("version").GetInt64()}\"");
        var secret = rotated.GetProperty("clientSecret").GetString()!;
        Assert.NotEqual(created.GetProperty("clientSecret").GetString(), secret);
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(client.GetProperty("clientId").GetString()!, secret));
    }

    private async Task<HttpStatusCode> TokenStatusAsync(string clientId, string secret)
    {
        using var client = _server.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        });
        using var response = await client.PostAsync("/connect/token", form, Xunit.TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        await _bunit.DisposeAsync();
        await _server.DisposeAsync();
    }
}
