namespace Parley.Server.Application;

/// <summary>
/// Removes what makes a name one person chose read differently to another (an attachment's file name, a prompt's name):
/// control characters and the controls of Unicode's bidirectional algorithm, which make <c>invoice\u202Efdp.bat</c> show
/// as <c>invoicetab.pdf</c>.
/// </summary>
public static class UnicodeControls
{
    public static string Strip(string text) => text.Any(IsControl) ? new string([.. text.Where(c => !IsControl(c))]) : text;

    private static bool IsControl(char c) => char.IsControl(c) || IsBidiControl(c);

    /// <summary>Marks, embeddings, overrides and isolates of Unicode's bidirectional algorithm (UAX #9).</summary>
    private static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
