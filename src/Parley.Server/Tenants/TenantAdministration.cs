using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Parley.Data;
using Parley.Data.Entities;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Domain.Tenants;
using Parley.Server.Logging;

namespace Parley.Server.Tenants;

/// <summary>The platform operator's work on tenants: create with built-in roles, suspend, resume, delete with erasure.</summary>
public sealed class TenantAdministration(
    IServiceScopeFactory scopes,
    TenantStatusCache statuses,
    TimeProvider time,
    ILogger<TenantAdministration> logger)
{
    /// <summary>Creates the tenant (its day in UTC), its built-in roles and, when given, its first administrator.</summary>
    public Task<(Tenant? Tenant, IdentityResult Result)> CreateAsync(
        string slug, string name, string? adminUserName, string? adminPassword, CancellationToken cancellationToken) =>
        CreateAsync(slug, name, adminUserName, adminPassword, null, cancellationToken);

    /// <summary>
    /// Creates the tenant, its built-in roles and, when given, its first administrator. <paramref name="timeZone"/>
    /// (an IANA id, validated by the caller) decides where the tenant's "today" starts; UTC when null.
    /// </summary>
    public async Task<(Tenant? Tenant, IdentityResult Result)> CreateAsync(
        string slug, string name, string? adminUserName, string? adminPassword, string? timeZone, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        if (await db.Tenants.AnyAsync(t => t.Slug == slug, cancellationToken))
        {
            return (null, IdentityResult.Failed(new IdentityError { Code = "slug", Description = $"Tenant '{slug}' already exists." }));
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
        db.Tenants.Add(tenant);
        var roles = slug == TenantSlug.Platform
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

        await db.SaveChangesAsync(cancellationToken);
        Log.TenantChanged(logger, slug, tenant.Id, "created");

        if (adminUserName is not null && adminPassword is not null)
        {
            var adminRole = slug == TenantSlug.Platform ? BuiltInRoles.PlatformOperator : BuiltInRoles.TenantAdmin;
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ParleyUser>>();
            var admin = new ParleyUser
            {
                Id = Guid.CreateVersion7(),
                TenantId = tenant.Id,
                UserName = adminUserName,
                DisplayName = adminUserName,
                CreatedAt = time.GetUtcNow(),
            };
            var result = await users.CreateAsync(admin, adminPassword);
            if (!result.Succeeded)
            {
                await DeleteAsync(tenant.Id, cancellationToken);
                return (null, result);
            }

            await users.AddToRoleAsync(admin, adminRole);
        }

        return (tenant, IdentityResult.Success);
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
    /// Erases the tenant and every row it owns: each tenant-owned table is emptied of its rows (so a table added
    /// later is erased too), the OpenIddict applications and tokens of its API clients go with them.
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

        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var clientIds = await db.ApiClients.IgnoreQueryFilters().Where(c => c.TenantId == tenantId).Select(c => c.ClientId).ToListAsync(cancellationToken);
        foreach (var clientId in clientIds)
        {
            if (await applications.FindByClientIdAsync(clientId, cancellationToken) is { } application)
            {
                await applications.DeleteAsync(application, cancellationToken);
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var erase = typeof(TenantAdministration).GetMethod(nameof(EraseRowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var entityType in db.Model.GetEntityTypes())
        {
            if (typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType) && entityType.BaseType is null)
            {
                await (Task)erase.MakeGenericMethod(entityType.ClrType).Invoke(null, [db, tenantId, cancellationToken])!;
            }
        }

        await db.Tenants.Where(t => t.Id == tenantId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        statuses.Forget(tenantId);
        Log.TenantChanged(logger, tenant.Slug, tenantId, "deleted and erased");
        return true;
    }

    private static Task<int> EraseRowsAsync<T>(ParleyDbContext db, Guid tenantId, CancellationToken cancellationToken)
        where T : class, ITenantOwned =>
        db.Set<T>().IgnoreQueryFilters().Where(e => e.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
}
