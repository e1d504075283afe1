namespace Parley.Channels.WebChat;

/// <summary>
/// A widget's allowed origins: exact <c>scheme://host[:port]</c> strings (compared case-insensitively, no path), or
/// <c>self</c> for the Parley server's own origin (the demo page; null when the server cannot name it, and then <c>self</c> matches nothing). A request without an <c>Origin</c> is refused:
/// browsers always send one on the calls the widget makes.
/// </summary>
public static class AllowedOrigins
{
    public const string Self = "self";

    public static bool Allows(IReadOnlyList<string> allowed, string? origin, string? serverOrigin)
    {
        if (string.IsNullOrEmpty(origin))
        {
            return false;
        }

        foreach (var entry in allowed)
        {
            var candidate = entry == Self ? serverOrigin : entry;
            if (candidate is not null && string.Equals(candidate.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Null when <paramref name="entry"/> is <c>self</c> or an origin (http/https, host, optional port, nothing else); else why not.</summary>
    public static string? Check(string entry)
    {
        if (entry == Self)
        {
            return null;
        }

        return Uri.TryCreate(entry, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/"
            && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo) && !entry.TrimEnd('/').EndsWith('/')
            ? null
            : $"'{entry}' is not an origin such as https://www.example.com (or 'self').";
    }
}
