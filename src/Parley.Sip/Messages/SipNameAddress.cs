using System.Text;
using Parley.Sip.Parsing;

namespace Parley.Sip.Messages;

/// <summary>name-addr or addr-spec with header parameters: From, To, Contact, Route, Record-Route, Refer-To.</summary>
public sealed class SipNameAddress
{
    public SipNameAddress(SipUri uri, string? displayName = null)
    {
        Uri = uri;
        DisplayName = displayName;
    }

    private SipNameAddress()
    {
        Uri = null!;
    }

    /// <summary>Display name without quotes, or null.</summary>
    public string? DisplayName { get; private set; }

    /// <summary>The URI; for the Contact wildcard <c>*</c>, a placeholder.</summary>
    public SipUri Uri { get; private set; }

    public SipParameters Parameters { get; private set; } = new();

    /// <summary>True for <c>Contact: *</c>.</summary>
    public bool IsWildcard { get; private set; }

    /// <summary>The tag parameter, or null.</summary>
    public string? Tag => Parameters.Get("tag");

    /// <summary>Parses a single (not comma-separated) value.</summary>
    public static SipNameAddress Parse(string text) => Parse(text, SipRejectionReason.InvalidAddress);

    internal static SipNameAddress Parse(string text, SipRejectionReason reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim(' ', '\t');
        var result = new SipNameAddress();
        if (t == "*")
        {
            result.IsWildcard = true;
            result.Uri = SipUri.Create(null, "*");
            return result;
        }

        int index;
        var angle = -1;
        if (t.Length > 0 && t[0] == '"')
        {
            var end = QuotedString.FindEnd(t, 0);
            if (end < 0)
            {
                SipThrowHelper.Throw(reason);
            }

            result.DisplayName = QuotedString.Unquote(t[..end]);
            angle = end;
            while (angle < t.Length && t[angle] is ' ' or '\t')
            {
                angle++;
            }

            if (angle >= t.Length || t[angle] != '<')
            {
                SipThrowHelper.Throw(reason);
            }
        }
        else
        {
            var lt = t.IndexOf('<', StringComparison.Ordinal);
            var semi = t.IndexOf(';', StringComparison.Ordinal);
            if (lt >= 0 && (semi < 0 || lt < semi))
            {
                var display = t.AsSpan(0, lt).Trim(" \t");
                foreach (var c in display)
                {
                    if (!SipSyntax.IsTokenChar(c) && c is not ' ' and not '\t')
                    {
                        SipThrowHelper.Throw(reason);
                    }
                }

                result.DisplayName = display.IsEmpty ? null : display.ToString();
                angle = lt;
            }
        }

        if (angle >= 0)
        {
            var close = t.IndexOf('>', angle);
            if (close < 0)
            {
                SipThrowHelper.Throw(reason);
            }

            result.Uri = SipUri.Parse(t[(angle + 1)..close], reason);
            index = close + 1;
        }
        else
        {
            var semi = t.IndexOf(';', StringComparison.Ordinal);
            var uriText = semi < 0 ? t : t[..semi];
            if (uriText.AsSpan().IndexOfAny("?,\"") >= 0)
            {
                SipThrowHelper.Throw(reason);
            }

            result.Uri = SipUri.Parse(uriText.TrimEnd(' ', '\t'), reason);
            index = semi < 0 ? t.Length : semi;
        }

        result.Parameters = SipParameters.Parse(t, ref index, string.Empty, reason);
        return result;
    }

    /// <summary>Parses a comma-separated list (Contact, Route, Record-Route).</summary>
    internal static void ParseList(string value, List<SipNameAddress> into)
    {
        if (!value.Contains(',', StringComparison.Ordinal))
        {
            into.Add(Parse(value));
            return;
        }

        var parts = new List<string>(2);
        HeaderValueSplitter.Split(value, parts, SipRejectionReason.InvalidAddress);
        foreach (var p in parts)
        {
            into.Add(Parse(p));
        }
    }

    public override string ToString()
    {
        if (IsWildcard)
        {
            return "*";
        }

        var sb = new StringBuilder(96);
        if (DisplayName is not null)
        {
            sb.Append(QuotedString.Quote(DisplayName)).Append(' ');
        }

        sb.Append('<').Append(Uri).Append('>');
        Parameters.AppendTo(sb);
        return sb.ToString();
    }
}
