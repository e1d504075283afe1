namespace Parley.Media.Dtmf;

/// <summary>RFC 4733 §3.2 event codes 0–16 for DTMF: 0–9, *, #, A–D and flash (shown as '!').</summary>
public static class DtmfDigits
{
    private const string Symbols = "0123456789*#ABCD!";

    public static bool TryToDigit(int eventCode, out char digit)
    {
        if ((uint)eventCode < (uint)Symbols.Length)
        {
            digit = Symbols[eventCode];
            return true;
        }

        digit = '\0';
        return false;
    }

    public static bool TryToEvent(char digit, out byte eventCode)
    {
        var index = Symbols.IndexOf(char.ToUpperInvariant(digit), StringComparison.Ordinal);
        eventCode = (byte)Math.Max(index, 0);
        return index >= 0;
    }
}
