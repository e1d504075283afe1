namespace Parley.Flows.Expressions;

/// <summary>A node of a parsed expression.</summary>
internal abstract class ExpressionNode
{
    public abstract ExpressionValue Evaluate(IExpressionScope scope);
}
