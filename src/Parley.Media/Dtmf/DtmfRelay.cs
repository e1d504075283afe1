using System.Globalization;

namespace Parley.Media.Dtmf;

/// <summary>
/// The body of a SIP INFO with <c>Content-Type: application/dtmf-relay</c>: <c>Signal=5\r\nDuration=160</c>.
/// Duration is in milliseconds; keys are case-insensitive; any line ending is accepted.
/// </summary>
public static class DtmfRelay
{
    public const string ContentType = "application/dtmf-relay";

    public static bool TryParse(ReadOnlySpan<char> body, out DtmfDigit digit)
    {
        digit = default;
        char? signal = null;
        var durationMs = 250;
        foreach (var range in body.SplitAny('\r', '\n'))
        {
            var line = body[range].Trim();
            var eq = line.IndexOf('=');
            if (eq <= 0)
            {
                continue;
            }

            var key = line[..eq].Trim();
            var value = line[(eq + 1)..].Trim();
            if (key.Equals("Signal", StringComparison.OrdinalIgnoreCase))
            {
                if (value.Length == 1 && DtmfDigits.TryToEvent(value[0], out var code) && code < 16)
                {
                    signal = char.ToUpperInvariant(value[0]);
                }
                else if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && DtmfDigits.TryToDigit(n, out var d))
                {
                    // Some phones send the event code (10 = '*', 11 = '#').
                    signal = d;
                }
                else
                {
                    return false;
                }
            }
            else if (key.Equals("Duration", StringComparison.OrdinalIgnoreCase)
                && (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out durationMs) || durationMs > 60_000))
            {
                return false;
            }
        }

        if (signal is not { } s)
        {
            return false;
        }

        digit = new DtmfDigit(s, TimeSpan.FromMilliseconds(durationMs));
        return true;
    }

    public static string Format(DtmfDigit digit) =>
        string.Create(CultureInfo.InvariantCulture, $"Signal={digit.Digit}\r\nDuration={(int)digit.Duration.TotalMilliseconds}\r\n");
}
