using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Parley.Data;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
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
        clients.MapPost("/{id:guid}/revoke", RevokeAsync).RequirePermission(Permissions.ApiClientsWrite).Audited("api-clients.revoke");
        return api;
    }

    private static Task<IResult> ListAsync(ParleyDbContext db, [AsParameters] PageRequest page, CancellationToken ct) =>
        db.ApiClients.ToPageResultAsync(c => c.ClientId, page, ApiClientDto.From, ct);

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, ParleyDbContext db, CancellationToken ct)
    {
        return await db.ApiClients.Where(c => c.Id == id).ToETaggedResultAsync(http, ApiClientDto.From, ct);
    }

    private static async Task<IResult> CreateAsync(
        CreateApiClientRequest request, HttpContext http, ApiClientRegistrar registrar, AuditScope audit, CancellationToken ct)
    {
        var actor = CurrentActor.Require(http.User);
        var unknown = request.Permissions.Where(p => !Permissions.IsKnown(p) || Permissions.Catalogue.Any(c => c.Name == p && c.PlatformOnly)).ToArray();
        if (unknown.Length > 0)
        {
            return ApiProblems.Invalid("permissions", "Unknown or ungrantable permissions: " + string.Join(", ", unknown));
        }

        var missing = actor.MissingFrom(request.Permissions);
        if (missing.Count > 0)
        {
            return ApiProblems.CannotGrant(missing);
        }

        var (client, secret) = await registrar.CreateAsync(actor.TenantId, request.Name, request.Permissions, null, null, ct);
        audit.Target("api-client", client.Id).Describe($"created API client '{client.Name}' ({client.ClientId}) with [{client.PermissionList}]");
        ETags.Set(http, client.Version);
        return TypedResults.Created($"/api/v1/api-clients/{client.Id}", new CreatedApiClientDto(ApiClientDto.From(client), secret));
    }

    private static async Task<IResult> RevokeAsync(
        Guid id, ParleyDbContext db, IOpenIddictApplicationManager applications, IOpenIddictTokenManager tokens,
        TimeProvider time, AuditScope audit, CancellationToken ct)
    {
        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (client is null)
        {
            return ApiProblems.NotFound();
        }

        if (client.RevokedAt is null)
        {
            client.RevokedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            if (await applications.FindByClientIdAsync(client.ClientId, ct) is { } application
                && await applications.GetIdAsync(application, ct) is { } applicationId)
            {
                await tokens.RevokeByApplicationIdAsync(applicationId, ct);
            }
        }

        audit.Target("api-client", client.Id).Describe($"revoked API client '{client.Name}' ({client.ClientId}) and its tokens");
        return TypedResults.Ok(ApiClientDto.From(client));
    }
}
