namespace Parley.Flows.Expressions;

/// <summary>Why an expression or template did not parse, and where (0-based character offset).</summary>
public sealed record ExpressionError(int Position, string Message)
{
    public override string ToString() => $"{Message} (at character {Position + 1})";
}
