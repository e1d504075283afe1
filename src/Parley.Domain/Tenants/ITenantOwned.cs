namespace Parley.Domain.Tenants;

/// <summary>Marks a row that belongs to exactly one tenant; the data layer filters every query by it.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}
