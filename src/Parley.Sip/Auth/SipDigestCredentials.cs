using Parley.Sip.Messages;

namespace Parley.Sip.Auth;

/// <summary>Parsed Authorization: Digest header.</summary>
public sealed class SipDigestCredentials
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public string? Username => Get("username");

    public string? Realm => Get("realm");

    public string? Nonce => Get("nonce");

    public string? Uri => Get("uri");

    public string? Response => Get("response");

    public string Algorithm => Get("algorithm") ?? "MD5";

    public string? Qop => Get("qop");

    public string? Nc => Get("nc");

    public string? Cnonce => Get("cnonce");

    public string? Get(string name) => _values.TryGetValue(name, out var v) ? v : null;

    /// <summary>Parses "Digest k=v, k="v"" (false for other schemes or broken syntax).</summary>
    public static bool TryParse(string? header, out SipDigestCredentials? credentials)
    {
        credentials = null;
        if (header is null || !header.StartsWith("Digest ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var result = new SipDigestCredentials();
        var s = header.AsSpan(7);
        var i = 0;
        while (i < s.Length)
        {
            while (i < s.Length && s[i] is ' ' or '\t' or ',')
            {
                i++;
            }

            var eq = s[i..].IndexOf('=');
            if (eq <= 0)
            {
                break;
            }

            var name = s.Slice(i, eq).Trim().ToString();
            i += eq + 1;
            while (i < s.Length && s[i] is ' ' or '\t')
            {
                i++;
            }

            string value;
            if (i < s.Length && s[i] == '"')
            {
                var text = s[i..].ToString();
                var end = QuotedString.FindEnd(text, 0);
                if (end < 0)
                {
                    return false;
                }

                value = QuotedString.Unquote(text[..end]);
                i += end;
            }
            else
            {
                var comma = s[i..].IndexOf(',');
                var raw = comma < 0 ? s[i..] : s.Slice(i, comma);
                value = raw.Trim().ToString();
                i += raw.Length;
            }

            result._values[name] = value;
        }

        credentials = result;
        return result.Username is not null && result.Nonce is not null && result.Response is not null;
    }
}
