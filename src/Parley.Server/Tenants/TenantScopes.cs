using Parley.Data;
using Parley.Data.Tenancy;

namespace Parley.Server.Tenants;

/// <summary>Background work for one tenant: a scope whose <see cref="ParleyDbContext"/> sees and writes only that tenant's rows.</summary>
internal static class TenantScopes
{
    public static AsyncServiceScope OpenTenant(this IServiceScopeFactory scopes, Guid tenantId, out ParleyDbContext db)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenantId);
        db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        return scope;
    }
}
