namespace Parley.Flows.Expressions;

internal sealed class ReferenceNode(string reference) : ExpressionNode
{
    public string Reference { get; } = reference;
    public override ExpressionValue Evaluate(IExpressionScope scope) => scope.Resolve(Reference);
}
