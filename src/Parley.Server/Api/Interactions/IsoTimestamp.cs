using System.Globalization;

namespace Parley.Server.Api.Interactions;

/// <summary>ISO 8601 timestamps of query strings: a date, or a date and time with an optional offset (UTC when absent).</summary>
internal static class IsoTimestamp
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>The instant in UTC, or false when <paramref name="text"/> is not one of the ISO 8601 forms above.</summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        var parsed = DateTimeOffset.TryParseExact(
            text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
        return parsed;
    }
}
