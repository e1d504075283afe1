namespace Parley.Flows.Expressions;

/// <summary>Answers references such as <c>vars.account</c>, <c>call.caller</c> or <c>time.hour</c>.</summary>
public interface IExpressionScope
{
    ExpressionValue Resolve(string reference);
}
