namespace Parley.Flows.Expressions;

/// <summary><c>and</c> / <c>or</c>, short-circuit.</summary>
internal sealed class LogicalNode(bool isAnd, ExpressionNode left, ExpressionNode right) : ExpressionNode
{
    public override ExpressionValue Evaluate(IExpressionScope scope)
    {
        var first = left.Evaluate(scope).IsTrue;
        if (isAnd ? !first : first)
        {
            return ExpressionValue.Of(first);
        }
        return ExpressionValue.Of(right.Evaluate(scope).IsTrue);
    }
}
