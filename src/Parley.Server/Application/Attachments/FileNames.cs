namespace Parley.Server.Application.Attachments;

/// <summary>
/// Cleans a client's file name for storing and for Content-Disposition: no folders, no control characters and no
/// bidirectional controls (<see cref="UnicodeControls"/>), at most 255 characters.
/// </summary>
public static class FileNames
{
    public const string Fallback = "attachment";

    public static string Clean(string? name)
    {
        var last = (name ?? "").Replace('\\', '/');
        last = last[(last.LastIndexOf('/') + 1)..];
        var cleaned = new string([.. UnicodeControls.Strip(last).Where(c => c is not ('"' or '<' or '>' or ':' or '*' or '?' or '|'))]).Trim().Trim('.');
        return cleaned.Length == 0 ? Fallback : cleaned.Length > 255 ? cleaned[..255] : cleaned;
    }
}
