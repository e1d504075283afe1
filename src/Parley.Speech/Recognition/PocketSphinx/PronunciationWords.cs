namespace Parley.Speech.Recognition.PocketSphinx;

/// <summary>The words of a CMU-format pronunciation dictionary (<c>word PH ON ES</c>, variants as <c>word(2)</c>).</summary>
internal static class PronunciationWords
{
    public static HashSet<string> Load(string path)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var end = line.IndexOfAny([' ', '\t', '(']);
            if (end > 0)
            {
                words.Add(line[..end]);
            }
        }

        return words;
    }

    /// <summary>Lower-cases and splits a keyword into words; null if it holds anything but letters, apostrophes and spaces.</summary>
    public static string[]? Normalise(string keyword)
    {
        var words = keyword.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 || words.Any(w => !w.All(c => c is (>= 'a' and <= 'z') or '\'')) ? null : words;
    }
}
