namespace Parley.Voice.Numbers;

/// <summary>A trunk's allowed destinations: E.164 prefixes an outbound number must start with (none: any number).</summary>
public static class OutboundDestinations
{
    /// <summary>'+' and 1 to 15 digits.</summary>
    public static bool IsPrefix(string? value) =>
        value is { Length: >= 2 and <= 16 } && value[0] == '+' && value.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;

    /// <summary>Whether <paramref name="e164"/> may be called through a trunk allowing <paramref name="prefixes"/>.</summary>
    public static bool Allows(IReadOnlyCollection<string> prefixes, string e164) =>
        prefixes.Count == 0 || prefixes.Any(p => e164.StartsWith(p, StringComparison.Ordinal));
}
