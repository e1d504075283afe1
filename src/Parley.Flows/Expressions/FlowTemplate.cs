using System.Text;

namespace Parley.Flows.Expressions;

/// <summary>
/// Text with references in braces: <c>"Hello {vars.name}"</c>. <c>{{</c> and <c>}}</c> stand for literal braces.
/// Only references are allowed inside braces, never expressions.
/// </summary>
public sealed class FlowTemplate
{
    public const int MaxLength = 4000;

    private readonly List<(string Text, bool IsReference)> _parts;

    private FlowTemplate(List<(string, bool)> parts) => _parts = parts;

    public bool HasReferences => _parts.Exists(p => p.IsReference);

    public static bool TryParse(string text, out FlowTemplate? template, out ExpressionError? error)
    {
        template = null;
        if (text.Length > MaxLength)
        {
            error = new ExpressionError(MaxLength, $"the text is longer than {MaxLength} characters");
            return false;
        }
        var parts = new List<(string, bool)>();
        var literal = new StringBuilder();
        var span = text.AsSpan();
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (c == '{' && i + 1 < span.Length && span[i + 1] == '{')
            {
                literal.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < span.Length && span[i + 1] == '}')
            {
                literal.Append('}');
                i++;
            }
            else if (c == '{')
            {
                var close = span[(i + 1)..].IndexOf('}');
                if (close < 0)
                {
                    error = new ExpressionError(i, "the '{' is not closed");
                    return false;
                }
                var reference = span.Slice(i + 1, close).Trim();
                var problem = ExpressionReferences.Check(reference);
                if (problem is not null)
                {
                    error = new ExpressionError(i + 1, problem);
                    return false;
                }
                if (literal.Length > 0)
                {
                    parts.Add((literal.ToString(), false));
                    literal.Clear();
                }
                parts.Add((reference.ToString(), true));
                i += close + 1;
            }
            else if (c == '}')
            {
                error = new ExpressionError(i, "a '}' without '{' (write '}}' for a brace)");
                return false;
            }
            else
            {
                literal.Append(c);
            }
        }
        if (literal.Length > 0)
        {
            parts.Add((literal.ToString(), false));
        }
        template = new FlowTemplate(parts);
        error = null;
        return true;
    }

    public static FlowTemplate Parse(string text) =>
        TryParse(text, out var template, out var error) ? template! : throw new FormatException(error!.ToString());

    /// <summary>Substitutes the references; <paramref name="encode"/> (e.g. URL encoding) applies to substituted values only.</summary>
    public string Render(IExpressionScope scope, Func<string, string>? encode = null)
    {
        var builder = new StringBuilder();
        foreach (var (text, isReference) in _parts)
        {
            if (!isReference)
            {
                builder.Append(text);
                continue;
            }
            var value = scope.Resolve(text).AsText();
            builder.Append(encode is null ? value : encode(value));
        }
        return builder.ToString();
    }
}
