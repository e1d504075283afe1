namespace Parley.Flows.Expressions;

internal sealed class NotNode(ExpressionNode operand) : ExpressionNode
{
    public override ExpressionValue Evaluate(IExpressionScope scope) => ExpressionValue.Of(!operand.Evaluate(scope).IsTrue);
}
