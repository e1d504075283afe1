namespace Parley.Data.Tenancy;

/// <summary>The scoped, settable <see cref="ITenantContext"/>; set once per request after authentication.</summary>
public sealed class TenantContext : ITenantContext
{
    public Guid? TenantId { get; private set; }

    public void Set(Guid tenantId)
    {
        if (TenantId is { } current && current != tenantId)
        {
            throw new InvalidOperationException("The tenant of a unit of work cannot change once set.");
        }

        TenantId = tenantId;
    }
}
