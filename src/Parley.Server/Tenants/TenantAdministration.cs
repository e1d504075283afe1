using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Parley.Data;
using Parley.Data.Entities;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Domain.Tenants;
using Parley.Server.Logging;
using Parley.Server.Recordings;
using Parley.Server.Voice.Audio;

namespace Parley.Server.Tenants;

/// <summary>The platform operator's work on tenants: create with built-in roles, suspend, resume, delete with erasure.</summary>
public sealed class TenantAdministration(
    IServiceScopeFactory scopes,
    TenantStatusCache statuses,
    TimeProvider time,
    TenantAudioStore audio,
    RecordingFiles recordings,
    ILogger<TenantAdministration> logger)
{
    /// <summary>Creates the tenant (its day in UTC), its built-in roles and, when given, its first administrator.</summary>
    public Task<(Tenant? Tenant, IdentityResult Result)> CreateAsync(
        string slug, string name, string? adminUserName, string? adminPassword, CancellationToken cancellationToken) =>
        CreateAsync(slug, name, adminUserName, adminPassword, null, cancellationToken);

    /// <summary>
    /// Creates the tenant, its built-in roles and, when given, its first administrator, in one transaction: when
    /// Identity refuses the administrator (password policy, name) nothing is kept. <paramref name="timeZone"/>
    /// (an IANA id, validated by the caller) decides where the tenant's "today" starts; UTC when null.
    /// </summary>
    public async Task<(Tenant? Tenant, IdentityResult Result)> CreateAsync(
        string slug, string name, string? adminUserName, string? adminPassword, string? timeZone, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        if (await db.Tenants.AnyAsync(t => t.Slug == slug, cancellationToken))
        {
            return (null, SlugTaken(slug));
        }

        var tenant = new Tenant
        {
            Id = Guid.CreateVersion7(),
            Slug = slug,
            Name = name,
            TimeZone = timeZone ?? TenantTimeZone.Default,
            CreatedAt = time.GetUtcNow(),
        };
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant.Id);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Tenants.Add(tenant);
        AddBuiltInRoles(db, tenant);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (await SlugExistsElsewhereAsync(slug, cancellationToken))
            {
                return (null, SlugTaken(slug));
            }

            throw;
        }

        if (adminUserName is not null && adminPassword is not null)
        {
            var result = await CreateAdministratorAsync(scope.ServiceProvider, tenant, adminUserName, adminPassword);
            if (!result.Succeeded)
            {
                return (null, result);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        Log.TenantChanged(logger, slug, tenant.Id, "created");
        return (tenant, IdentityResult.Success);
    }

    private static IdentityResult SlugTaken(string slug) =>
        IdentityResult.Failed(new IdentityError { Code = "slug", Description = $"Tenant '{slug}' already exists." });

    /// <summary>A concurrent create of the same slug won the unique index: that is a conflict, not a server error.</summary>
    private async Task<bool> SlugExistsElsewhereAsync(string slug, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().Tenants.AnyAsync(t => t.Slug == slug, cancellationToken);
    }

    private static void AddBuiltInRoles(ParleyDbContext db, Tenant tenant)
    {
        var roles = tenant.Slug == TenantSlug.Platform
            ? new Dictionary<string, IReadOnlyList<string>> { [BuiltInRoles.PlatformOperator] = BuiltInRoles.ForPlatform }
            : BuiltInRoles.ForTenant;
        foreach (var (roleName, permissions) in roles)
        {
            var role = new ParleyRole
            {
                Id = Guid.CreateVersion7(),
                TenantId = tenant.Id,
                Name = roleName,
                NormalizedName = roleName.ToUpperInvariant(),
                Description = "Built-in",
                IsBuiltIn = true,
            };
            role.SetPermissions(permissions);
            db.Roles.Add(role);
        }
    }

    private async Task<IdentityResult> CreateAdministratorAsync(IServiceProvider services, Tenant tenant, string userName, string password)
    {
        var users = services.GetRequiredService<UserManager<ParleyUser>>();
        var admin = new ParleyUser
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenant.Id,
            UserName = userName,
            DisplayName = userName,
            CreatedAt = time.GetUtcNow(),
        };
        var created = await users.CreateAsync(admin, password);
        return created.Succeeded
            ? await users.AddToRoleAsync(admin, tenant.Slug == TenantSlug.Platform ? BuiltInRoles.PlatformOperator : BuiltInRoles.TenantAdmin)
            : created;
    }

    public Task<Tenant?> SuspendAsync(Guid tenantId, CancellationToken cancellationToken) =>
        SetStatusAsync(tenantId, TenantStatus.Suspended, cancellationToken);

    public Task<Tenant?> ResumeAsync(Guid tenantId, CancellationToken cancellationToken) =>
        SetStatusAsync(tenantId, TenantStatus.Active, cancellationToken);

    private async Task<Tenant?> SetStatusAsync(Guid tenantId, TenantStatus status, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken);
        if (tenant is null || tenant.Slug == TenantSlug.Platform)
        {
            return null;
        }

        if (tenant.Status != status)
        {
            tenant.Status = status;
            await db.SaveChangesAsync(cancellationToken);
            statuses.Forget(tenantId);
            Log.TenantChanged(logger, tenant.Slug, tenantId, status == TenantStatus.Active ? "resumed" : "suspended");
        }

        return tenant;
    }

    /// <summary>
    /// Erases the tenant and every row it owns in one transaction: the OpenIddict applications (with their tokens)
    /// of its API clients, then every table the EF model maps for an <see cref="ITenantOwned"/> entity (so a table
    /// added later is erased too), then the tenant; once that is committed, its audio files (prompts, music on hold) and
    /// its call recordings.
    /// </summary>
    public async Task<bool> DeleteAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken);
        if (tenant is null || tenant.Slug == TenantSlug.Platform)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var clientIds = await db.ApiClients.IgnoreQueryFilters().Where(c => c.TenantId == tenantId).Select(c => c.ClientId).ToListAsync(cancellationToken);
        foreach (var clientId in clientIds)
        {
            if (await applications.FindByClientIdAsync(clientId, cancellationToken) is { } application)
            {
                await applications.DeleteAsync(application, cancellationToken);
            }
        }

        foreach (var table in TenantTables.Of(db.Model))
        {
            await table.EraseAsync(db, tenantId, cancellationToken);
        }

        await db.Tenants.Where(t => t.Id == tenantId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        statuses.Forget(tenantId);
        try
        {
            audio.DeleteTenant(tenantId);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.TenantFilesLeft(logger, e, tenantId, audio.TenantDirectory(tenantId));
        }

        try
        {
            recordings.DeleteTenant(tenantId);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.TenantFilesLeft(logger, e, tenantId, recordings.TenantDirectory(tenantId));
        }

        Log.TenantChanged(logger, tenant.Slug, tenantId, "deleted and erased");
        return true;
    }
}
