using System.Diagnostics.CodeAnalysis;

namespace Parley.Domain.Tenants;

/// <summary>The tenant's time zone setting: an IANA id known to this machine's time zone database.</summary>
public static class TenantTimeZone
{
    public const string Default = "UTC";

    public const int MaxLength = 64;

    /// <summary>True, with the zone, when <paramref name="id"/> names a zone this system knows.</summary>
    public static bool TryFind(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        return !string.IsNullOrWhiteSpace(id) && id.Length <= MaxLength && TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone);
    }
}
