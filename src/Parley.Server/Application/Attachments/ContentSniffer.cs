using System.Text.Unicode;

namespace Parley.Server.Application.Attachments;

/// <summary>
/// The content type of a file read from its first bytes (magic numbers), never from the client's claim: PNG, JPEG, GIF,
/// WebP, PDF, and plain text (valid UTF-8 without NUL or other binary control bytes). Anything else is unknown.
/// </summary>
public static class ContentSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> looks at.</summary>
    public const int HeadLength = 8192;

    public static string? Sniff(ReadOnlySpan<byte> head, bool complete)
    {
        ReadOnlySpan<byte> png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        ReadOnlySpan<byte> jpeg = [0xFF, 0xD8, 0xFF];
        if (head.StartsWith(png))
        {
            return "image/png";
        }

        if (head.StartsWith(jpeg))
        {
            return "image/jpeg";
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        return head.Length > 0 && IsText(head, complete) ? "text/plain" : null;
    }

    /// <summary>
    /// UTF-8 without NUL and without control bytes other than tab, line feed, form feed and carriage return. When the head
    /// is only the start of the file, a multi-byte character cut at its end is allowed.
    /// </summary>
    private static bool IsText(ReadOnlySpan<byte> head, bool complete)
    {
        foreach (var b in head)
        {
            if ((b < 0x20 && b is not (0x09 or 0x0A or 0x0C or 0x0D)) || b == 0x7F)
            {
                return false;
            }
        }

        ReadOnlySpan<byte> byteOrderMark = [0xEF, 0xBB, 0xBF];
        var body = head;
        if (body.StartsWith(byteOrderMark))
        {
            body = body[3..];
        }

        if (!complete)
        {
            // Drop a possibly cut last character (at most 3 continuation bytes back to its lead byte).
            var cut = body.Length;
            for (var i = body.Length - 1; i >= 0 && i >= body.Length - 4; i--)
            {
                if ((body[i] & 0xC0) != 0x80)
                {
                    cut = body[i] >= 0xC0 ? i : body.Length;
                    break;
                }
            }

            body = body[..cut];
        }

        return Utf8.IsValid(body);
    }
}
