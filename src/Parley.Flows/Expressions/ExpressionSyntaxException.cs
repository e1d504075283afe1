namespace Parley.Flows.Expressions;

/// <summary>Thrown inside the parser only; <see cref="FlowExpression.TryParse"/> turns it into an <see cref="ExpressionError"/>.</summary>
internal sealed class ExpressionSyntaxException(int position, string message) : Exception(message)
{
    public int Position { get; } = position;
}
