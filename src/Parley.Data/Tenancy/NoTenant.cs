namespace Parley.Data.Tenancy;

/// <summary>The tenant of a context that belongs to no unit of work: none, so every tenant-owned query finds nothing.</summary>
public sealed class NoTenant : ITenantContext
{
    public static readonly NoTenant Instance = new();

    private NoTenant()
    {
    }

    public Guid? TenantId => null;
}
