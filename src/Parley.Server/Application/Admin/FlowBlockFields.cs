using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Parley.Flows.Model;

namespace Parley.Server.Application.Admin;

/// <summary>
/// The properties panel's fields per block type, read from <c>Parley.Flows</c>' block definitions (the types registered on
/// <see cref="FlowBlock"/>): text, numbers, yes/no and a prompt's text. Transitions are not here (they are picked among the
/// blocks), nor lists and maps (menu options, variables), which the panel edits as the block's raw JSON.
/// </summary>
public static class FlowBlockFields
{
    private static readonly FrozenDictionary<string, IReadOnlyList<FlowBlockField>> ByType =
        typeof(FlowBlock).GetCustomAttributes<JsonDerivedTypeAttribute>()
            .ToFrozenDictionary(a => (string)a.TypeDiscriminator!, a => Describe(a.DerivedType), StringComparer.Ordinal);

    /// <summary>Every block type name, in the order the model declares them.</summary>
    public static IReadOnlyList<string> Types { get; } = [.. typeof(FlowBlock).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => (string)a.TypeDiscriminator!)];

    public static IReadOnlyList<FlowBlockField> For(string? type) => type is not null && ByType.TryGetValue(type, out var fields) ? fields : [];

    private static IReadOnlyList<FlowBlockField> Describe(Type type)
    {
        var blank = (FlowBlock)Activator.CreateInstance(type)!;
        var transitions = blank.Transitions().Select(t => t.Field).ToHashSet(StringComparer.Ordinal);
        var fields = new List<FlowBlockField>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (name == "id" || transitions.Contains(name) || property.GetCustomAttribute<JsonIgnoreAttribute>() is not null)
            {
                continue;
            }

            var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            FlowBlockField? field = t == typeof(string) ? new(name, Label(name), FlowBlockFieldKind.Text)
                : t == typeof(int) ? new(name, Label(name), FlowBlockFieldKind.Integer)
                : t == typeof(double) ? new(name, Label(name), FlowBlockFieldKind.Number)
                : t == typeof(bool) ? new(name, Label(name), FlowBlockFieldKind.Boolean)
                : t == typeof(FlowPrompt) ? new(name + "/text", Label(name) + " text", FlowBlockFieldKind.Text)
                : null;
            if (field is not null)
            {
                fields.Add(field);
            }
        }

        return fields;
    }

    /// <summary><c>timeoutSeconds</c> → "Timeout seconds".</summary>
    private static string Label(string name)
    {
        var words = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c))
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : c);
            }
        }

        return words.ToString();
    }
}
