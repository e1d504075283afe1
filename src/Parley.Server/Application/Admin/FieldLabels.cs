using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text;

namespace Parley.Server.Application.Admin;

/// <summary>
/// A request's field as a person reads it, for the refusals people see: <c>[Display(Name = …)]</c> where the request gives one,
/// else its name in words — <c>ServiceLevelTargetSeconds</c> is "Service level target (seconds)", <c>CallerIdNumber</c>
/// "Caller ID number", <c>WrapUpTimeLimitSeconds</c> "Wrap-up time limit (seconds)".
/// </summary>
internal static class FieldLabels
{
    private static readonly Dictionary<string, string> Acronyms = new(StringComparer.Ordinal)
    {
        ["Id"] = "ID", ["Ids"] = "IDs", ["Url"] = "URL", ["Uri"] = "URI", ["Ip"] = "IP", ["Sip"] = "SIP", ["Mib"] = "MiB", ["Api"] = "API",
    };

    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        ["Seconds"] = "(seconds)", ["Minutes"] = "(minutes)", ["Bytes"] = "(bytes)", ["Percent"] = "(%)",
    };

    public static string Of(PropertyInfo property) => property.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? Words(property.Name);

    /// <summary>A PascalCase name in words: the first capitalised, acronyms kept, a trailing unit in brackets.</summary>
    public static string Words(string name)
    {
        var words = Split(name);
        var text = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var shown = i == words.Count - 1 && i > 0 && Units.TryGetValue(word, out var unit) ? unit
                : Acronyms.TryGetValue(word, out var acronym) ? acronym
                : i == 0 ? word
                : word.ToLowerInvariant();
            text.Append(i == 0 ? "" : " ").Append(shown);
        }

        return text.Replace("Wrap up", "Wrap-up").Replace("wrap up", "wrap-up").ToString();
    }

    private static List<string> Split(string name)
    {
        var words = new List<string>();
        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            if (i == name.Length || (char.IsUpper(name[i]) && !char.IsUpper(name[i - 1])))
            {
                words.Add(name[start..i]);
                start = i;
            }
        }

        return words;
    }
}
