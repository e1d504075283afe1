using System.Text;
using System.Text.RegularExpressions;

namespace Parley.Server.Application.CannedResponses;

/// <summary>
/// Turns <c>/shortcut</c> into a response's text and fills its placeholders. Pure: no I/O, no clock. A shortcut counts
/// only at the start of a word (start of the text or after white space), so <c>and/or</c> and URLs stay as typed.
/// Placeholders are <c>{{name}}</c> (dotted names such as <c>customer.name</c>, spaces inside the braces allowed);
/// one without a value stays as written, so the agent sees what is missing before sending.
/// </summary>
public static partial class CannedResponseExpander
{
    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}")]
    private static partial Regex Placeholder();

    /// <summary>The text with every known placeholder replaced by its value.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    /// <summary>
    /// The <c>/word</c> being typed that ends at <paramref name="caret"/>: its start (the index of '/') and the letters
    /// after the slash (possibly empty), or null when the caret is not in such a word.
    /// </summary>
    public static (int Start, string Query)? TokenAt(string text, int caret)
    {
        caret = Math.Clamp(caret, 0, text.Length);
        var i = caret;
        while (i > 0 && !char.IsWhiteSpace(text[i - 1]) && text[i - 1] != '/')
        {
            i--;
        }

        if (i == 0 || text[i - 1] != '/')
        {
            return null;
        }

        var slash = i - 1;
        return slash == 0 || char.IsWhiteSpace(text[slash - 1]) ? (slash, text[i..caret]) : null;
    }

    /// <summary>The responses whose shortcut starts with <paramref name="query"/> (then those whose title contains it), personal first.</summary>
    public static IReadOnlyList<CannedResponseView> Match(IEnumerable<CannedResponseView> responses, string query, int limit = 8) =>
        Preferred(responses).DistinctBy(r => r.Shortcut)
            .Select(r => (Response: r, Rank: r.Shortcut.StartsWith(query, StringComparison.OrdinalIgnoreCase) ? 0
                : r.Title.Contains(query, StringComparison.OrdinalIgnoreCase) ? 1 : -1))
            .Where(x => x.Rank >= 0)
            .OrderBy(x => x.Rank).ThenBy(x => x.Response.Shortcut, StringComparer.Ordinal)
            .Take(limit)
            .Select(x => x.Response)
            .ToArray();

    /// <summary>Replaces the token at <paramref name="start"/> (up to <paramref name="caret"/>) with the filled response; returns the text and the new caret.</summary>
    public static (string Text, int Caret) Insert(string text, int start, int caret, CannedResponseView response, IReadOnlyDictionary<string, string> values)
    {
        var filled = Fill(response.Text, values);
        return (string.Concat(text.AsSpan(0, start), filled, text.AsSpan(caret)), start + filled.Length);
    }

    /// <summary>Expands every <c>/shortcut</c> that names a response exactly (a personal one wins over the tenant's).</summary>
    public static string ExpandAll(string text, IEnumerable<CannedResponseView> responses, IReadOnlyDictionary<string, string> values)
    {
        var byShortcut = new Dictionary<string, CannedResponseView>(StringComparer.Ordinal);
        foreach (var response in Preferred(responses))
        {
            byShortcut.TryAdd(response.Shortcut, response);
        }

        var output = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '/' && (i == 0 || char.IsWhiteSpace(text[i - 1])))
            {
                var end = i + 1;
                while (end < text.Length && !char.IsWhiteSpace(text[end]))
                {
                    end++;
                }

                if (byShortcut.TryGetValue(text[(i + 1)..end], out var response))
                {
                    output.Append(Fill(response.Text, values));
                    i = end;
                    continue;
                }
            }

            output.Append(text[i]);
            i++;
        }

        return output.ToString();
    }

    /// <summary>Personal responses before the tenant's, so a person's own shortcut shadows the tenant's of the same name.</summary>
    private static IEnumerable<CannedResponseView> Preferred(IEnumerable<CannedResponseView> responses) =>
        responses.OrderBy(r => r.Scope == CannedResponseScopes.Personal ? 0 : 1);
}
