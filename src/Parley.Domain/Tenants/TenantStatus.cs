namespace Parley.Domain.Tenants;

/// <summary>Lifecycle of a tenant. Only <see cref="Active"/> tenants can sign in, get tokens or call the API.</summary>
public enum TenantStatus
{
    Active = 0,
    Suspended = 1,
}
