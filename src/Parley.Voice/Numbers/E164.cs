namespace Parley.Voice.Numbers;

/// <summary>E.164 numbers: <c>+</c> then 8–15 digits, the first not 0. Normalisation is pure and allocation-light.</summary>
public static class E164
{
    public const int MinDigits = 8;
    public const int MaxDigits = 15;

    /// <summary>Whether <paramref name="number"/> is already in normalised E.164 form.</summary>
    public static bool IsValid(string? number)
    {
        if (number is null || number.Length < MinDigits + 1 || number.Length > MaxDigits + 1 || number[0] != '+' || number[1] == '0')
        {
            return false;
        }

        for (var i = 1; i < number.Length; i++)
        {
            if (!char.IsAsciiDigit(number[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// What a person wrote where an international number is asked for (the API's numbers): <see cref="TryNormalise"/>'s
    /// forms, but the <c>+</c> (or <c>tel:+</c>) is required. Without it there is no country to assume, and prefixing one
    /// would turn a national number into another country's (<c>5557654321</c> is not <c>+5557654321</c>, a Brazilian number).
    /// </summary>
    public static bool TryParseInternational(ReadOnlySpan<char> written, out string e164)
    {
        var number = written.Trim();
        if (number.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            number = number[4..];
        }

        e164 = string.Empty;
        return number.StartsWith('+') && TryNormalise(number, NumberingRule.None, out e164);
    }

    /// <summary>
    /// Turns what a user or a carrier wrote (<c>tel:+1-555-123-4567</c>, <c>(555) 123 4567</c>, <c>0044 20 7946 0000</c>)
    /// into E.164 with <paramref name="rule"/>: drops a <c>tel:</c> scheme and its parameters and visual separators
    /// (space, <c>-</c>, <c>.</c>, <c>(</c>, <c>)</c>, <c>/</c>); anything else that is not a digit fails.
    /// </summary>
    public static bool TryNormalise(ReadOnlySpan<char> input, NumberingRule rule, out string e164)
    {
        ArgumentNullException.ThrowIfNull(rule);
        e164 = string.Empty;
        input = input.Trim();
        if (input.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            input = input[4..];
        }

        var parameters = input.IndexOf(';');
        if (parameters >= 0)
        {
            input = input[..parameters];
        }

        Span<char> digits = stackalloc char[32];
        var count = 0;
        var international = false;
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    return false;
                }

                digits[count++] = c;
            }
            else if (c == '+' && count == 0 && !international)
            {
                international = true;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')' or '/'))
            {
                return false;
            }
        }

        ReadOnlySpan<char> national = digits[..count];
        string candidate;
        if (international)
        {
            candidate = "+" + national.ToString();
        }
        else if (rule.InternationalPrefix is { Length: > 0 } ip && national.StartsWith(ip, StringComparison.Ordinal))
        {
            candidate = "+" + national[ip.Length..].ToString();
        }
        else if (rule.CountryCode is { Length: > 0 } cc)
        {
            if (rule.NationalPrefix is { Length: > 0 } np && national.StartsWith(np, StringComparison.Ordinal))
            {
                national = national[np.Length..];
            }

            candidate = "+" + cc + national.ToString();
        }
        else
        {
            candidate = "+" + national.ToString();
        }

        if (!IsValid(candidate))
        {
            return false;
        }

        e164 = candidate;
        return true;
    }
}
