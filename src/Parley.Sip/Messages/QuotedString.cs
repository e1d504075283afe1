using System.Text;

namespace Parley.Sip.Messages;

/// <summary>quoted-string helpers (RFC 3261 §25.1): backslash escapes, balanced quotes.</summary>
public static class QuotedString
{
    /// <summary>Index just after the closing quote of the quoted string starting at <paramref name="start"/>, or -1.</summary>
    public static int FindEnd(string text, int start)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = start + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c == '"')
            {
                return i + 1;
            }
        }

        return -1;
    }

    /// <summary>Removes the quotes and escapes of a quoted string; returns other text unchanged.</summary>
    public static string Unquote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 2 || text[0] != '"' || text[^1] != '"')
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 1; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length - 1)
            {
                i++;
                c = text[i];
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Quotes text, escaping quotes and backslashes.</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.Append('"').ToString();
    }
}
