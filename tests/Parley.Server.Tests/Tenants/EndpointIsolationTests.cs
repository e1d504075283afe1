using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Tenants;

/// <summary>
/// Walks every endpoint the server maps and calls it, with tenant B's object ids, as each kind of tenant A
/// identity and as forged identities: nothing of tenant B may be read, changed or even named in an answer.
/// </summary>
public sealed class EndpointIsolationTests(UnthrottledAppFactory factory) : IClassFixture<UnthrottledAppFactory>
{
    private const string SignOut = "/api/v1/auth/sign-out";

    [Fact]
    public async Task EveryEndpoint_CalledByTenantAWithTenantBIds_IsRefusedAndLeaksNothing()
    {
        var tenantB = await factory.CreateOtherTenantAsync();
        var identities = await CreateIdentitiesAsync();
        var failures = new List<string>();
        try
        {
            await CheckIdentitiesWorkAsync(identities);
            var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints;
            Assert.NotEmpty(endpoints);

            // Sign-out runs last: it ends the cookie sessions the other calls use.
            foreach (var endpoint in endpoints.OrderBy(e => (e as RouteEndpoint)?.RoutePattern.RawText == SignOut))
            {
                await SweepAsync(endpoint, tenantB, identities, failures);
            }
        }
        finally
        {
            foreach (var identity in identities)
            {
                identity.Client.Dispose();
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} isolation failures:\n" + string.Join('\n', failures));
        await AssertTenantBUntouchedAsync(tenantB);
    }

    private async Task SweepAsync(Endpoint endpoint, OtherTenant tenantB, IReadOnlyList<Caller> identities, List<string> failures)
    {
        if (endpoint is not RouteEndpoint route)
        {
            failures.Add($"'{endpoint.DisplayName}' is not a route endpoint; teach this test how to call it.");
            return;
        }

        var pattern = route.RoutePattern.RawText ?? "";
        var (path, hasTenantIds, problem) = RouteValues.Fill(route.RoutePattern, tenantB);
        if (problem is not null || path is null)
        {
            failures.Add(problem ?? $"'{pattern}' cannot be filled.");
            return;
        }

        string? body = null;
        if (route.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is { } requestType && !SampleBodies.TryGet(requestType, out body))
        {
            failures.Add($"'{pattern}' accepts {requestType.FullName} but {nameof(SampleBodies)} has no sample of it: add a valid one.");
            return;
        }

        var anonymousByDesign = AnonymousEndpoints.IsByDesign(pattern);
        var platform = pattern.StartsWith("/api/v1/platform/", StringComparison.Ordinal);
        IReadOnlyList<string> methods = route.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } declared ? [.. declared] : [HttpMethods.Get];
        foreach (var method in methods)
        {
            foreach (var identity in identities)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (body is not null)
                {
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                if (HttpMethods.IsPut(method))
                {
                    request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
                }

                using var response = await identity.Client.SendAsync(request, TestContext.Current.CancellationToken);
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                var call = $"{method} {path} as {identity.Name} (pattern '{pattern}') answered {status}";
                if (text.Contains(tenantB.Canary, StringComparison.OrdinalIgnoreCase)
                    || response.Headers.Concat(response.Content.Headers).SelectMany(h => h.Value).Any(v => v.Contains(tenantB.Canary, StringComparison.OrdinalIgnoreCase)))
                {
                    failures.Add($"{call} and named tenant B's canary: {Shorten(text)}");
                }

                if (status >= 500)
                {
                    failures.Add($"{call}: a server error: {Shorten(text)}");
                }

                if (anonymousByDesign)
                {
                    continue;
                }

                if (!identity.Authenticated && status != StatusCodes.Status401Unauthorized && !RedirectsToSignIn(response, pattern))
                {
                    failures.Add($"{call}, expected 401 for an identity that is not valid: {Shorten(text)}");
                }
                else if (identity.Authenticated && platform && status != StatusCodes.Status403Forbidden)
                {
                    failures.Add($"{call}, expected 403: platform endpoints are for platform operators only: {Shorten(text)}");
                }
                else if (hasTenantIds && !WebPages.Contains(pattern) && status is not (StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound))
                {
                    failures.Add($"{call} with tenant B's ids, expected 401, 403 or 404: {Shorten(text)}");
                }
            }
        }
    }

    /// <summary>The web app's pages refuse a browser by sending it to the sign-in page (and back afterwards).</summary>
    private static bool RedirectsToSignIn(HttpResponseMessage response, string pattern) =>
        WebPages.Contains(pattern)
        && response.StatusCode == System.Net.HttpStatusCode.Redirect
        && response.Headers.Location?.OriginalString.Contains("/sign-in?ReturnUrl=", StringComparison.Ordinal) == true;

    /// <summary>
    /// Pages of the web app. Their HTTP answer is the same shell for any id (no prerendering): what a page shows comes over the
    /// circuit from the application layer, whose tenant scoping the bUnit tests prove (e.g. <c>AdminListTests</c>).
    /// </summary>
    private static readonly HashSet<string> WebPages = new(StringComparer.Ordinal)
    {
        "/", "/workspace", "/supervisor", "/_framework/opaque-redirect",
        "/admin", "/admin/agents", "/admin/agents/new", "/admin/agents/{Id:guid}", "/admin/queues", "/admin/queues/new", "/admin/queues/{Id:guid}",
        "/admin/skills", "/admin/skills/new", "/admin/skills/{Id:guid}",
        "/admin/not-ready-reasons", "/admin/not-ready-reasons/new", "/admin/not-ready-reasons/{Id:guid}", "/admin/wrap-up-codes",
        "/admin/users", "/admin/users/new", "/admin/users/{Id:guid}", "/admin/roles", "/admin/roles/new", "/admin/roles/{Id:guid}",
        "/admin/api-clients", "/admin/api-clients/new", "/admin/api-clients/{Id:guid}", "/admin/webhooks", "/admin/webhooks/new", "/admin/webhooks/{Id:guid}",
        "/admin/audit", "/admin/flows", "/admin/flows/{Id:guid}",
        "/admin/numbers", "/admin/numbers/new", "/admin/numbers/{Id:guid}", "/admin/trunks", "/admin/trunks/new", "/admin/trunks/{Id:guid}",
        "/admin/schedules", "/admin/schedules/new", "/admin/schedules/{Id:guid}", "/reports",
        "/admin/widgets", "/admin/widgets/new", "/admin/widgets/{Id:guid}",
        "/admin/canned-responses", "/admin/canned-responses/new", "/admin/canned-responses/{Id:guid}", "/admin/settings",
        "/admin/sip-accounts", "/admin/sip-accounts/new", "/admin/sip-accounts/{Id:guid}",
        "/admin/platform/tenants", "/admin/platform/tenants/new", "/admin/platform/tenants/{Id:guid}", "/admin/platform/numbers",
    };

    private async Task<IReadOnlyList<Caller>> CreateIdentitiesAsync()
    {
        // A token the server really issued, left to expire on the server's clock; the live one is issued after.
        var expired = await factory.GetDemoTokenAsync();
        factory.Time.Advance(TimeSpan.FromMinutes(16));
        var token = await factory.GetDemoTokenAsync();
        return
        [
            new("tenant A admin (cookie)", await factory.SignInDemoAsync("admin"), Authenticated: true),
            new("tenant A supervisor (cookie)", await factory.SignInDemoAsync("supervisor"), Authenticated: true),
            new("tenant A agent (cookie)", await factory.SignInDemoAsync("agent1"), Authenticated: true),
            new("tenant A API client (bearer)", factory.CreateBearerClient(token), Authenticated: true),
            new("anonymous", factory.CreateAnonymousClient(), Authenticated: false),
            new("tampered token", factory.CreateBearerClient(AccessTokens.WithTamperedSignature(token)), Authenticated: false),
            new("expired token", factory.CreateBearerClient(expired), Authenticated: false),
        ];
    }

    /// <summary>Every identity is what it claims to be, so a refusal below is the endpoint's doing.</summary>
    private static async Task CheckIdentitiesWorkAsync(IReadOnlyList<Caller> identities)
    {
        foreach (var identity in identities)
        {
            using var response = await identity.Client.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
            var expected = identity.Authenticated ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized;
            Assert.True((int)response.StatusCode == expected, $"{identity.Name}: /api/v1/me answered {(int)response.StatusCode}, expected {expected}");
        }
    }

    /// <summary>Tenant B's objects are all still there and unchanged, and its audit log names no one from tenant A.</summary>
    private async Task AssertTenantBUntouchedAsync(OtherTenant tenantB)
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = await factory.SignInAsync(tenantB.Slug, tenantB.AdminUserName, tenantB.AdminPassword);
        var user = await (await admin.GetAsync($"/api/v1/users/{tenantB.UserId}", ct)).ExpectAsync(200);
        Assert.Equal($"User {tenantB.Canary}", (await user.ReadJsonAsync()).GetProperty("displayName").GetString());
        var role = await (await (await admin.GetAsync($"/api/v1/roles/{tenantB.RoleId}", ct)).ExpectAsync(200)).ReadJsonAsync();
        Assert.Equal(1, role.GetProperty("version").GetInt64());
        var client = await (await (await admin.GetAsync($"/api/v1/api-clients/{tenantB.ApiClientId}", ct)).ExpectAsync(200)).ReadJsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, client.GetProperty("revokedAt").ValueKind);
        await factory.GetTokenAsync(tenantB.ClientId, tenantB.ClientSecret);
        using var member = await factory.SignInAsync(tenantB.Slug, tenantB.UserName, tenantB.UserPassword);

        var audit = await (await (await admin.GetAsync("/api/v1/audit?limit=200", ct)).ExpectAsync(200)).ReadJsonAsync();
        var actors = audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("actorName").GetString() ?? "").Distinct().ToArray();
        Assert.Equal([tenantB.AdminUserName], actors);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
