using System.Text.RegularExpressions;

namespace Parley.Domain.Tenants;

/// <summary>Rules for the short, URL-safe name a tenant signs in with (e.g. <c>demo</c>, <c>acme-sales</c>).</summary>
public static partial class TenantSlug
{
    public const int MaxLength = 40;

    /// <summary>The reserved slug of the platform operators' own tenant.</summary>
    public const string Platform = "platform";

    public static bool IsValid(string? slug) => slug is { Length: >= 2 and <= MaxLength } && Pattern().IsMatch(slug);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
