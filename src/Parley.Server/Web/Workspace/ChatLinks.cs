using System.Text.RegularExpressions;

namespace Parley.Server.Web.Workspace;

/// <summary>
/// Splits chat text into plain runs and web links, so links can be made clickable safely: only <c>http</c>/<c>https</c>
/// URLs become links (never <c>javascript:</c> and the like); everything is rendered as text, Blazor escapes it.
/// </summary>
public static partial class ChatLinks
{
    public static IEnumerable<(string Text, bool IsLink)> Split(string text)
    {
        var last = 0;
        foreach (Match match in UrlPattern().Matches(text))
        {
            if (match.Index > last)
            {
                yield return (text[last..match.Index], false);
            }

            yield return (match.Value, Uri.TryCreate(match.Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https");
            last = match.Index + match.Length;
        }

        if (last < text.Length)
        {
            yield return (text[last..], false);
        }
    }

    [GeneratedRegex(@"\bhttps?://[^\s<>""']+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();
}
