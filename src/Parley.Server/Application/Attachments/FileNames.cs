namespace Parley.Server.Application.Attachments;

/// <summary>
/// Cleans a client's file name for storing and for Content-Disposition: no folders, no control characters, no bidirectional
/// controls (which make <c>invoice\u202Efdp.bat</c> show as <c>invoicetab.pdf</c>), at most 255 characters.
/// </summary>
public static class FileNames
{
    public const string Fallback = "attachment";

    public static string Clean(string? name)
    {
        var last = (name ?? "").Replace('\\', '/');
        last = last[(last.LastIndexOf('/') + 1)..];
        var cleaned = new string([.. last.Where(c => !char.IsControl(c) && !IsBidiControl(c) && c is not ('"' or '<' or '>' or ':' or '*' or '?' or '|'))]).Trim().Trim('.');
        return cleaned.Length == 0 ? Fallback : cleaned.Length > 255 ? cleaned[..255] : cleaned;
    }

    /// <summary>Marks, embeddings, overrides and isolates of Unicode's bidirectional algorithm (UAX #9).</summary>
    private static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
