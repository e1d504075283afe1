using Parley.Data;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Api.ApiClients;

/// <summary><c>/api/v1/api-clients</c>: PaaS applications with client-credentials access.</summary>
public static class ApiClientsApi
{
    public static RouteGroupBuilder MapApiClientsApi(this RouteGroupBuilder api)
    {
        var clients = api.MapGroup("/api-clients").WithTags("API clients");
        clients.MapGet("/", ListAsync).RequirePermission(Permissions.ApiClientsRead);
        clients.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.ApiClientsRead);
        clients.MapPost("/", CreateAsync).RequirePermission(Permissions.ApiClientsWrite).Audited("api-clients.create");
        clients.MapPost("/{id:guid}/secret", RotateSecretAsync).RequirePermission(Permissions.ApiClientsWrite).Audited("api-clients.rotate-secret");
        clients.MapPost("/{id:guid}/revoke", RevokeAsync).RequirePermission(Permissions.ApiClientsWrite).Audited("api-clients.revoke");
        return api;
    }

    private static Task<IResult> ListAsync(ParleyDbContext db, [AsParameters] PageRequest page, CancellationToken ct) =>
        db.ApiClients.ToPageResultAsync(c => c.ClientId, page, ApiClientDto.From, ct);

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, ParleyDbContext db, CancellationToken ct)
    {
        return await db.ApiClients.Where(c => c.Id == id).ToETaggedResultAsync(http, ApiClientDto.From, ct);
    }

    // The writes are the application layer's (ApiClientAdmin), shared with the admin console.
    private static async Task<IResult> CreateAsync(CreateApiClientRequest request, HttpContext http, ApiClientAdmin clients, CancellationToken ct) =>
        (await clients.CreateAsync(CurrentActor.Require(http.User), request, ct))
            .ToHttp(c => Tagged(http, c.Client.Version, TypedResults.Created($"/api/v1/api-clients/{c.Client.Id}", c)));

    /// <summary>A new secret, shown in this answer only; the old one and every token issued with it stop working. Needs If-Match.</summary>
    private static async Task<IResult> RotateSecretAsync(Guid id, HttpContext http, ApiClientAdmin clients, CancellationToken ct)
    {
        var actor = CurrentActor.Require(http.User);
        if (IfMatch.Read(http, out var expected) is { } precondition)
        {
            // Another tenant's (or no) client is not found, whatever the headers.
            return (await clients.GetAsync(actor, id, ct)).Error?.ToProblem() ?? precondition;
        }

        return (await clients.RotateSecretAsync(actor, id, expected, ct)).ToHttp(c => Tagged(http, c.Client.Version, TypedResults.Ok(c)));
    }

    private static async Task<IResult> RevokeAsync(Guid id, HttpContext http, ApiClientAdmin clients, CancellationToken ct) =>
        (await clients.RevokeAsync(CurrentActor.Require(http.User), id, ct)).ToHttp(c => TypedResults.Ok(c));

    private static IResult Tagged(HttpContext http, long version, IResult result)
    {
        ETags.Set(http, version);
        return result;
    }
}
