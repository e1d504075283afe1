namespace Parley.Domain.Tenants;

/// <summary>The disk a tenant's uploaded files (prompts, chat attachments) may take: its plan's, else the default.</summary>
public static class StorageLimits
{
    /// <summary>1 GiB.</summary>
    public const int DefaultMegabytes = 1024;

    public const long BytesPerMegabyte = 1024 * 1024;

    /// <summary>The bytes a plan's <see cref="TenantPlan.MaxStorageMegabytes"/> allows.</summary>
    public static long BytesOf(int? megabytes) => (megabytes ?? DefaultMegabytes) * BytesPerMegabyte;
}
