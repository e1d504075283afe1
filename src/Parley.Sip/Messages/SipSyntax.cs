namespace Parley.Sip.Messages;

/// <summary>Character classes and small helpers from the RFC 3261 grammar.</summary>
internal static class SipSyntax
{
    /// <summary>token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~" ).</summary>
    public static bool IsTokenChar(int c) =>
        (uint)(c - 'a') <= 'z' - 'a' || (uint)(c - 'A') <= 'Z' - 'A' || (uint)(c - '0') <= 9
        || c is '-' or '.' or '!' or '%' or '*' or '_' or '+' or '`' or '\'' or '~';

    public static bool IsToken(ReadOnlySpan<byte> s)
    {
        if (s.IsEmpty)
        {
            return false;
        }

        foreach (var b in s)
        {
            if (!IsTokenChar(b))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsToken(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!IsTokenChar(c))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsWhitespace(int c) => c is ' ' or '\t';

    public static bool EqualsAscii(ReadOnlySpan<byte> bytes, string text)
    {
        if (bytes.Length != text.Length)
        {
            return false;
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != text[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses an unsigned decimal; false on empty, non-digit or overflow above <paramref name="max"/>.</summary>
    public static bool TryParseUInt(ReadOnlySpan<byte> s, long max, out long value)
    {
        value = 0;
        if (s.IsEmpty)
        {
            return false;
        }

        foreach (var b in s)
        {
            var d = b - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
            if (value > max)
            {
                return false;
            }
        }

        return true;
    }

    public static bool TryParseUInt(ReadOnlySpan<char> s, long max, out long value)
    {
        value = 0;
        if (s.IsEmpty)
        {
            return false;
        }

        foreach (var c in s)
        {
            var d = c - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
            if (value > max)
            {
                return false;
            }
        }

        return true;
    }
}
