using MimeKit;

namespace Parley.Server.WebChat.Transcripts;

/// <summary>Checks a visitor's e-mail address for a transcript: one plain address, no display name or line breaks.</summary>
internal static class TranscriptAddress
{
    public static string? Clean(string? email)
    {
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 254 || trimmed.Any(char.IsControl) || trimmed.Contains('<', StringComparison.Ordinal))
        {
            return null;
        }

        return MailboxAddress.TryParse(trimmed, out var address) && address.Address == trimmed && trimmed.IndexOf('@', StringComparison.Ordinal) > 0
            ? trimmed
            : null;
    }
}
