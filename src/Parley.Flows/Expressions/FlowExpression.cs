namespace Parley.Flows.Expressions;

/// <summary>A parsed condition. Parse once (at validation or first use), evaluate many times; no reflection, no eval.</summary>
public sealed class FlowExpression
{
    private readonly ExpressionNode _root;

    private FlowExpression(string text, ExpressionNode root)
    {
        Text = text;
        _root = root;
    }

    public string Text { get; }

    public static bool TryParse(string text, out FlowExpression? expression, out ExpressionError? error)
    {
        try
        {
            var parser = new ExpressionParser(text);
            expression = new FlowExpression(text, parser.ParseAll());
            error = null;
            return true;
        }
        catch (ExpressionSyntaxException e)
        {
            expression = null;
            error = new ExpressionError(e.Position, e.Message);
            return false;
        }
    }

    public static FlowExpression Parse(string text) =>
        TryParse(text, out var expression, out var error) ? expression! : throw new FormatException(error!.ToString());

    public ExpressionValue Evaluate(IExpressionScope scope) => _root.Evaluate(scope);

    public bool IsTrue(IExpressionScope scope) => _root.Evaluate(scope).IsTrue;
}
