using System.Globalization;

namespace Parley.Flows.Expressions;

/// <summary>A value during evaluation: text, a number, a boolean or nothing (an unset variable).</summary>
public readonly record struct ExpressionValue(ExpressionValueKind Kind, string? Text, double Number, bool Boolean)
{
    public static readonly ExpressionValue Null = new(ExpressionValueKind.Null, null, 0, false);
    public static ExpressionValue Of(string? text) => text is null ? Null : new(ExpressionValueKind.Text, text, 0, false);
    public static ExpressionValue Of(double number) => new(ExpressionValueKind.Number, null, number, false);
    public static ExpressionValue Of(bool value) => new(ExpressionValueKind.Boolean, null, 0, value);

    /// <summary>true, a non-zero number, or text that is neither empty nor "false".</summary>
    public bool IsTrue => Kind switch
    {
        ExpressionValueKind.Boolean => Boolean,
        ExpressionValueKind.Number => Number != 0,
        ExpressionValueKind.Text => Text!.Length > 0 && !string.Equals(Text, "false", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    public bool TryGetNumber(out double number)
    {
        switch (Kind)
        {
            case ExpressionValueKind.Number:
                number = Number;
                return true;
            case ExpressionValueKind.Text:
                return double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
            default:
                number = 0;
                return false;
        }
    }

    public string AsText() => Kind switch
    {
        ExpressionValueKind.Text => Text!,
        ExpressionValueKind.Number => Number.ToString(CultureInfo.InvariantCulture),
        ExpressionValueKind.Boolean => Boolean ? "true" : "false",
        _ => "",
    };
}
