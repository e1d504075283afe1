namespace Parley.Domain.Tenants;

/// <summary>
/// The tenant's allow-list for flows' HTTP request blocks: host names (<c>crm.example.com</c>) or one-level-or-deeper
/// wildcards (<c>*.example.com</c> matches <c>a.example.com</c> and <c>a.b.example.com</c>, not <c>example.com</c>).
/// An empty list lets no HTTP block call anything: a tenant opts in host by host. The SSRF guard applies on top.
/// </summary>
public static class FlowHttpHosts
{
    public const int MaxEntries = 50;

    public const int MaxLength = 253;

    /// <summary>Null when <paramref name="pattern"/> is a valid entry; otherwise why not, as a sentence.</summary>
    public static string? Validate(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return "An allowed host must not be empty.";
        }

        var host = pattern.StartsWith("*.", StringComparison.Ordinal) ? pattern[2..] : pattern;
        if (host.Length > MaxLength || host.Contains('*', StringComparison.Ordinal))
        {
            return $"'{pattern}' is not a host name or a '*.domain' pattern.";
        }

        var labels = host.Split('.');
        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-' || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return $"'{pattern}' is not a host name or a '*.domain' pattern.";
            }
        }

        return pattern.StartsWith("*.", StringComparison.Ordinal) && labels.Length < 2
            ? $"'{pattern}' is too broad: a wildcard needs a domain of at least two labels (*.example.com)."
            : null;
    }

    /// <summary>Lower-cased, trailing dot removed, so stored entries compare as hosts do.</summary>
    public static string Normalise(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return pattern.Trim().TrimEnd('.').ToLowerInvariant();
    }

    /// <summary>True when <paramref name="host"/> (an URL's host, ASCII/punycode) is on <paramref name="allowed"/>.</summary>
    public static bool IsAllowed(string host, IEnumerable<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(allowed);
        var name = Normalise(host);
        foreach (var entry in allowed)
        {
            var pattern = Normalise(entry);
            if (pattern.StartsWith("*.", StringComparison.Ordinal)
                ? name.EndsWith(pattern[1..], StringComparison.Ordinal) && name.Length > pattern.Length - 1
                : name == pattern)
            {
                return true;
            }
        }

        return false;
    }
}
