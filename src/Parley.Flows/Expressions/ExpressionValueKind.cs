namespace Parley.Flows.Expressions;

public enum ExpressionValueKind
{
    Null,
    Text,
    Number,
    Boolean,
}
