using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Parley.Data;
using Parley.Data.Entities;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Api.ApiClients;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Auth.Tokens;

namespace Parley.Server.Application.Admin;

/// <summary>
/// API clients (client-credentials applications) for <c>/api/v1/api-clients</c> and the console's <c>/admin/api-clients</c>:
/// list, read, create (the secret is in this one answer only), rotate the secret (the new one shown once; tokens issued before
/// are revoked) and revoke. Needs <c>api-clients.read</c>/<c>api-clients.write</c>; nobody gives a client a permission they do
/// not hold, nor takes over (rotates) a client that holds more than they do.
/// </summary>
internal sealed class ApiClientAdmin(
    ParleyDbContext db, TenantContext tenant, ApiClientRegistrar registrar, IOpenIddictApplicationManager applications,
    IOpenIddictTokenManager tokens, TokenRevocationList revocations, AuditScope audit, TimeProvider time)
{
    public async Task<AppResult<ListPage<ApiClientDto>>> ListAsync(CurrentActor actor, ListQuery query, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.ApiClientsRead) is { } refused)
        {
            return refused;
        }

        var rows = db.ApiClients.AsNoTracking();
        if (query.Needle is { } needle)
        {
            rows = rows.Where(c => c.Name.ToLower().Contains(needle) || c.ClientId.Contains(needle));
        }

        var sorted = query.Sort switch
        {
            "clientId" => rows.SortBy(c => c.ClientId, query.Descending),
            "createdAt" => rows.SortBy(c => c.CreatedAt, query.Descending).ThenBy(c => c.Name),
            _ => rows.SortBy(c => c.Name, query.Descending).ThenBy(c => c.ClientId),
        };
        return AppResult<ListPage<ApiClientDto>>.Ok(await sorted.ToListPageAsync(query, ApiClientDto.From, ct));
    }

    public async Task<AppResult<ApiClientDto>> GetAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.ApiClientsRead) is { } refused)
        {
            return refused;
        }

        return await db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is { } client
            ? AppResult<ApiClientDto>.Ok(ApiClientDto.From(client))
            : AppError.NotFound();
    }

    /// <summary>The permissions a tenant's client may hold, each marked whether the actor may grant it.</summary>
    public AppResult<IReadOnlyList<GrantChoice>> PermissionChoices(CurrentActor actor)
    {
        if (tenant.Require(actor, Permissions.ApiClientsRead) is { } refused)
        {
            return refused;
        }

        IReadOnlyList<GrantChoice> choices = Permissions.Catalogue.Where(p => !p.PlatformOnly)
            .Select(p => new GrantChoice(p.Name, p.Description, actor.Permissions.Contains(p.Name))).ToArray();
        return AppResult<IReadOnlyList<GrantChoice>>.Ok(choices);
    }

    public async Task<AppResult<CreatedApiClientDto>> CreateAsync(CurrentActor actor, CreateApiClientRequest request, CancellationToken ct)
    {
        if ((tenant.Require(actor, Permissions.ApiClientsWrite) ?? RequestChecks.Check(request)) is { } refused)
        {
            return refused;
        }

        var unknown = request.Permissions.Where(p => !Permissions.IsKnown(p) || Permissions.Catalogue.Any(c => c.Name == p && c.PlatformOnly)).ToArray();
        if (unknown.Length > 0)
        {
            return AppError.Invalid("permissions", "Unknown or ungrantable permissions: " + string.Join(", ", unknown));
        }

        if (actor.MissingFrom(request.Permissions) is { Count: > 0 } missing)
        {
            return AppError.CannotGrant(missing);
        }

        var (client, secret) = await registrar.CreateAsync(actor.TenantId, request.Name, request.Permissions, null, null, ct);
        audit.Target("api-client", client.Id).Describe($"created API client '{client.Name}' ({client.ClientId}) with [{client.PermissionList}]");
        return AppResult<CreatedApiClientDto>.Ok(new CreatedApiClientDto(ApiClientDto.From(client), secret));
    }

    /// <summary>
    /// Gives the client a new secret (shown this once; the old one stops working at once) and revokes its tokens, if the client is
    /// still at <paramref name="expectedVersion"/>. A revoked client stays revoked.
    /// </summary>
    public async Task<AppResult<CreatedApiClientDto>> RotateSecretAsync(CurrentActor actor, Guid id, long? expectedVersion, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.ApiClientsWrite) is { } refused)
        {
            return refused;
        }

        var found = await AdminWrites.FindCurrentAsync(db.ApiClients, c => c.Id == id, expectedVersion, ct);
        if (found.Value is not { } client)
        {
            return found.Error!;
        }

        if (client.RevokedAt is not null)
        {
            return AppError.Conflict("The client is revoked; create a new one instead.");
        }

        // Whoever holds the new secret acts as the client: only someone holding all of its permissions may take it.
        if (actor.MissingFrom(client.GetPermissions()) is { Count: > 0 } above)
        {
            return AppError.CannotGrant(above);
        }

        if (await applications.FindByClientIdAsync(client.ClientId, ct) is not { } application)
        {
            return AppError.NotFound();
        }

        var secret = ApiClientRegistrar.NewSecret();
        await applications.UpdateAsync(application, secret, ct);
        await RevokeTokensAsync(application, ct);
        db.Entry(client).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        audit.Target("api-client", client.Id).Describe($"rotated the secret of API client '{client.Name}' ({client.ClientId}) and revoked its tokens");
        return AppResult<CreatedApiClientDto>.Ok(new CreatedApiClientDto(ApiClientDto.From(client), secret));
    }

    /// <summary>Revokes the client and every token issued to it; revoking a revoked client changes nothing.</summary>
    public async Task<AppResult<ApiClientDto>> RevokeAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.ApiClientsWrite) is { } refused)
        {
            return refused;
        }

        if (await db.ApiClients.SingleOrDefaultAsync(c => c.Id == id, ct) is not { } client)
        {
            return AppError.NotFound();
        }

        if (client.RevokedAt is null)
        {
            client.RevokedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            if (await applications.FindByClientIdAsync(client.ClientId, ct) is { } application)
            {
                await RevokeTokensAsync(application, ct);
            }
        }

        audit.Target("api-client", client.Id).Describe($"revoked API client '{client.Name}' ({client.ClientId}) and its tokens");
        return AppResult<ApiClientDto>.Ok(ApiClientDto.From(client));
    }

    private async Task RevokeTokensAsync(object application, CancellationToken ct)
    {
        if (await applications.GetIdAsync(application, ct) is { } applicationId)
        {
            // This node refuses them at once; the others on their next read of the revoked tokens.
            await foreach (var token in tokens.FindByApplicationIdAsync(applicationId, ct))
            {
                if (await tokens.GetIdAsync(token, ct) is { } tokenId && await tokens.GetExpirationDateAsync(token, ct) is { } expires)
                {
                    revocations.Revoke(tokenId, expires);
                }
            }

            await tokens.RevokeByApplicationIdAsync(applicationId, ct);
        }
    }
}
