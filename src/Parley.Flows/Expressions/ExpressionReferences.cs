namespace Parley.Flows.Expressions;

/// <summary>The references the language knows: <c>vars.NAME</c>, <c>call.*</c> and <c>time.*</c>.</summary>
public static class ExpressionReferences
{
    public static readonly IReadOnlySet<string> CallFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "caller", "called", "language", "channel", "id",
    };

    public static readonly IReadOnlySet<string> TimeFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "hour", "minute", "dayOfWeek", "time", "date",
    };

    /// <summary>Null when <paramref name="reference"/> is a known reference, else the reason it is not.</summary>
    public static string? Check(ReadOnlySpan<char> reference)
    {
        var dot = reference.IndexOf('.');
        if (dot < 0)
        {
            return $"'{reference}' is not a reference; use vars.NAME, call.FIELD or time.FIELD";
        }
        var root = reference[..dot];
        var field = reference[(dot + 1)..];
        if (root.SequenceEqual("vars"))
        {
            return IsVariableName(field) ? null : $"'{field}' is not a valid variable name";
        }
        if (root.SequenceEqual("call"))
        {
            return CallFields.Contains(field.ToString()) ? null : $"call has no field '{field}' (known: {string.Join(", ", CallFields)})";
        }
        if (root.SequenceEqual("time"))
        {
            return TimeFields.Contains(field.ToString()) ? null : $"time has no field '{field}' (known: {string.Join(", ", TimeFields)})";
        }
        return $"unknown reference root '{root}'; use vars, call or time";
    }

    /// <summary>Letters, digits and underscores, not starting with a digit, at most 64 characters.</summary>
    public static bool IsVariableName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || name.Length > 64 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }
        return true;
    }
}
