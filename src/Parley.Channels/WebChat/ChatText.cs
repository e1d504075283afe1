using System.Text;

namespace Parley.Channels.WebChat;

/// <summary>
/// The text rule: a message is stored and shown as <em>text</em>, never as HTML. Sanitising only normalises — line
/// breaks to <c>\n</c>, other control and format characters (bidi overrides, NUL, zero-width joiners aside) removed,
/// surrounding white space trimmed — and never escapes or strips markup: <c>&lt;b&gt;</c> stays those three characters,
/// and every renderer (Blazor, the widget's <c>textContent</c>) shows them as such.
/// </summary>
public static class ChatText
{
    /// <summary>The cleaned text, or null when nothing is left or it is longer than <paramref name="maxLength"/>.</summary>
    public static string? Clean(string? text, int maxLength = ChatLimits.MaxTextLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c is '\n' or '\t' || !IsStripped(c))
            {
                builder.Append(c);
            }
        }

        var cleaned = builder.ToString().Trim();
        return cleaned.Length == 0 || cleaned.Length > maxLength ? null : cleaned;
    }

    private static bool IsStripped(char c) =>
        char.IsControl(c) || c is '\u200B' or '\u2028' or '\u2029' or '\uFEFF' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
}
