using System.Text.RegularExpressions;

namespace Parley.Speech.TextToSpeech.Espeak;

/// <summary>Parses the table <c>espeak-ng --voices</c> prints: priority, language, age/gender, name, file, other languages.</summary>
internal static partial class EspeakVoiceList
{
    public static IReadOnlyList<SpeechVoice> Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var voices = new List<SpeechVoice>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.Trim();
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length < 5 || !int.TryParse(columns[0], out _))
            {
                continue;
            }

            var id = columns[1];
            if (!seen.Add(id))
            {
                continue;
            }

            var aliases = AliasPattern().Matches(line).Select(m => m.Groups[1].Value)
                .Where(a => !string.Equals(a, id, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToArray();
            voices.Add(new SpeechVoice(id, columns[3].Replace('_', ' '), aliases));
        }

        return voices;
    }

    [GeneratedRegex(@"\(([A-Za-z0-9-]+) [0-9]+\)")]
    private static partial Regex AliasPattern();
}
