namespace Parley.Sip.Logging;

/// <summary>Makes attacker-chosen text safe for one fixed log line that tools such as fail2ban parse.</summary>
internal static class SipLogText
{
    private const int MaxLength = 64;

    /// <summary>Keeps letters, digits and <c>._@+-*</c>; anything else becomes '?'; cut to 64 characters.</summary>
    public static string Token(string text)
    {
        var length = Math.Min(text.Length, MaxLength);
        return string.Create(length, text, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '@' or '+' or '-' or '*' ? c : '?';
            }
        });
    }
}
