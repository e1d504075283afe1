using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Parley.Domain.Security;
using Parley.Server.Auth;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Auth;

/// <summary>No endpoint can be mapped without saying who may call it.</summary>
public sealed class EndpointPolicyTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    /// <summary>Endpoints any authenticated principal of an active tenant may call: they show the caller only itself (<c>/</c>: the web app's home, listing what the caller's permissions open).</summary>
    private static readonly HashSet<string> AnyAuthenticated = new(StringComparer.Ordinal)
    {
        "/api/v1/me", "/api/v1/permissions", "/",
        // The web app's circuit (Blazor's hub) and redirect helper: any signed-in person; each page names its permission and the
        // application layer checks it again on every call.
        "/_blazor", "/_blazor/negotiate", "/_blazor/disconnect/", "/_blazor/initializers/", "/_framework/opaque-redirect",
        // The console's overview: no data, only links to the console pages the person's permissions open (each page names its own).
        "/admin",
    };

    [Fact]
    public void EveryEndpoint_RequiresANamedPermission_OrIsAnonymousByDesign()
    {
        var offenders = new List<string>();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            if (endpoint is not RouteEndpoint route)
            {
                offenders.Add($"'{endpoint.DisplayName}' is not a route endpoint");
                continue;
            }

            var pattern = route.RoutePattern.RawText ?? "";
            var anonymous = route.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = route.Metadata.GetOrderedMetadata<IAuthorizeData>().ToArray();
            var permissions = policies.Where(p => p.Policy?.StartsWith(PermissionPolicy.Prefix, StringComparison.Ordinal) == true)
                .SelectMany(p => PermissionPolicy.PermissionsOf(p.Policy!)).ToArray();

            if (anonymous)
            {
                if (!AnonymousEndpoints.IsByDesign(pattern))
                {
                    offenders.Add($"'{pattern}' allows anonymous access but is not in {nameof(AnonymousEndpoints)}");
                }

                continue;
            }

            if (AnonymousEndpoints.IsByDesign(pattern))
            {
                offenders.Add($"'{pattern}' is listed as anonymous by design but requires authentication; update {nameof(AnonymousEndpoints)}");
            }

            if (permissions.Length > 0)
            {
                offenders.AddRange(permissions.Where(p => !Permissions.IsKnown(p)).Select(p => $"'{pattern}' requires '{p}', which is not in the catalogue"));
                continue;
            }

            if (policies.Length == 0)
            {
                offenders.Add($"'{pattern}' has no authorization metadata: add .RequirePermission(...)");
            }
            else if (!AnyAuthenticated.Contains(pattern) || policies.Any(p => p.Policy is not null || p.Roles is not null))
            {
                offenders.Add($"'{pattern}' requires only [{string.Join(", ", policies.Select(p => p.Policy ?? "default"))}]: add .RequirePermission(...)");
            }
        }

        Assert.True(offenders.Count == 0, "Endpoints without a permission policy:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void AnonymousEndpointsByDesign_AllExist()
    {
        var patterns = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText ?? "").ToHashSet(StringComparer.Ordinal);
        Assert.Empty(AnonymousEndpoints.Patterns.Except(patterns));
        Assert.Contains(patterns, p => p.StartsWith(AnonymousEndpoints.ReferenceUiPrefix, StringComparison.Ordinal));
    }
}
