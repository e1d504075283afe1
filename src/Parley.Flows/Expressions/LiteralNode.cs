namespace Parley.Flows.Expressions;

internal sealed class LiteralNode(ExpressionValue value) : ExpressionNode
{
    public override ExpressionValue Evaluate(IExpressionScope scope) => value;
}
