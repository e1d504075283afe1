using System.Diagnostics.CodeAnalysis;

namespace Parley.Sip.Dialogs;

/// <summary>
/// A Replaces value (RFC 3891 §6.1): the dialog to replace, named by its Call-ID and tags, and the <c>early-only</c> flag.
/// It arrives in an INVITE's Replaces header or embedded (escaped) in a REFER's Refer-To URI for an attended transfer
/// (<c>&lt;sip:target?Replaces=callid%3Bto-tag%3D…%3Bfrom-tag%3D…&gt;</c>, RFC 5589 §7).
/// </summary>
/// <param name="ToTag">The tag of the UA that receives the Replaces: compared with its dialog's local tag.</param>
/// <param name="FromTag">The tag of the other side of that dialog: compared with its remote tag.</param>
public sealed record SipReplaces(string CallId, string ToTag, string FromTag, bool EarlyOnly)
{
    /// <summary>
    /// Parses <c>callid;to-tag=…;from-tag=…[;early-only]</c> (unescaped). False when the Call-ID is empty or the value lacks
    /// exactly one to-tag and one from-tag (RFC 3891 §6.1: both are required to match a dialog).
    /// </summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out SipReplaces? replaces)
    {
        replaces = null;
        var parts = (value ?? string.Empty).Split(';', StringSplitOptions.TrimEntries);
        if (parts[0].Length == 0)
        {
            return false;
        }

        string? toTag = null, fromTag = null;
        var earlyOnly = false;
        foreach (var part in parts.AsSpan(1))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals].TrimEnd();
            var argument = equals < 0 ? null : part[(equals + 1)..].TrimStart();
            if (name.Equals("to-tag", StringComparison.OrdinalIgnoreCase))
            {
                if (toTag is not null || string.IsNullOrEmpty(argument))
                {
                    return false;
                }

                toTag = argument;
            }
            else if (name.Equals("from-tag", StringComparison.OrdinalIgnoreCase))
            {
                if (fromTag is not null || string.IsNullOrEmpty(argument))
                {
                    return false;
                }

                fromTag = argument;
            }
            else if (name.Equals("early-only", StringComparison.OrdinalIgnoreCase))
            {
                earlyOnly = true;
            }
        }

        if (toTag is null || fromTag is null)
        {
            return false;
        }

        replaces = new SipReplaces(parts[0], toTag, fromTag, earlyOnly);
        return true;
    }

    /// <summary>
    /// Finds the Replaces embedded in a Refer-To value's URI headers (<c>?Replaces=…&amp;…</c>). Returns false when there
    /// is none; true with <paramref name="replaces"/> null when there is one that does not parse.
    /// </summary>
    public static bool TryFindInReferTo(string referTo, out SipReplaces? replaces)
    {
        ArgumentNullException.ThrowIfNull(referTo);
        replaces = null;
        var value = referTo.Trim();
        var close = value.IndexOf('>', StringComparison.Ordinal);
        if (value.StartsWith('<') && close > 0)
        {
            value = value[1..close];
        }

        var question = value.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return false;
        }

        foreach (var header in value[(question + 1)..].Split('&'))
        {
            var equals = header.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && header.AsSpan(0, equals).Trim().Equals("Replaces", StringComparison.OrdinalIgnoreCase))
            {
                string unescaped;
                try
                {
                    unescaped = Uri.UnescapeDataString(header[(equals + 1)..]);
                }
                catch (UriFormatException)
                {
                    return true;
                }

                _ = TryParse(unescaped, out replaces);
                return true;
            }
        }

        return false;
    }

    /// <summary>True when this names <paramref name="dialog"/> as its holder sees it (RFC 3891 §3): Call-ID, to-tag = local tag, from-tag = remote tag.</summary>
    public bool Names(SipDialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        return dialog.CallId == CallId && dialog.LocalTag == ToTag && dialog.RemoteTag == FromTag;
    }
}
