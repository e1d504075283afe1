namespace Parley.Data.Tenancy;

/// <summary>
/// The tenant of the current unit of work, taken from the authenticated principal (or, before sign-in, from
/// the tenant the user names on the sign-in form). Null means no tenant: tenant-owned queries return nothing.
/// </summary>
public interface ITenantContext
{
    Guid? TenantId { get; }
}
