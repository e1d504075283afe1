using System.Globalization;

namespace Parley.Sip.Dialogs;

/// <summary>
/// The value of a Session-Expires header (RFC 4028 §4): the session interval and who refreshes — "uac" or "uas"
/// of the transaction that carries it, not of the dialog.
/// </summary>
public readonly record struct SipSessionExpires(int Seconds, string? Refresher)
{
    public const string Uac = "uac";
    public const string Uas = "uas";

    /// <summary>Reads "1800;refresher=uac"; false for a missing or malformed value.</summary>
    public static bool TryParse(string? value, out SipSessionExpires result)
    {
        result = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var parts = value.Split(';', StringSplitOptions.TrimEntries);
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 1)
        {
            return false;
        }

        string? refresher = null;
        foreach (var parameter in parts.AsSpan(1))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && parameter.AsSpan(0, equals).Trim().Equals("refresher", StringComparison.OrdinalIgnoreCase))
            {
                var role = parameter[(equals + 1)..].Trim();
                refresher = role.Equals(Uac, StringComparison.OrdinalIgnoreCase) ? Uac : role.Equals(Uas, StringComparison.OrdinalIgnoreCase) ? Uas : null;
            }
        }

        result = new SipSessionExpires(seconds, refresher);
        return true;
    }

    /// <summary>Reads a Min-SE value ("120", parameters ignored).</summary>
    public static bool TryParseMinimum(string? value, out int seconds)
    {
        seconds = 0;
        return TryParse(value, out var parsed) && (seconds = parsed.Seconds) > 0;
    }

    public override string ToString() =>
        Refresher is null
            ? Seconds.ToString(CultureInfo.InvariantCulture)
            : Seconds.ToString(CultureInfo.InvariantCulture) + ";refresher=" + Refresher;
}
