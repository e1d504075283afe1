namespace Parley.Flows.Expressions;

/// <summary>
/// Compares numerically when both sides read as numbers, otherwise as text (ordinal; <c>contains</c>,
/// <c>startsWith</c> and <c>endsWith</c> ignore case). An unset variable equals only <c>null</c> and the empty text.
/// </summary>
internal sealed class ComparisonNode(ComparisonOperator op, ExpressionNode left, ExpressionNode right) : ExpressionNode
{
    public override ExpressionValue Evaluate(IExpressionScope scope)
    {
        var a = left.Evaluate(scope);
        var b = right.Evaluate(scope);
        return ExpressionValue.Of(Compare(a, b));
    }

    private bool Compare(ExpressionValue a, ExpressionValue b)
    {
        switch (op)
        {
            case ComparisonOperator.Contains:
                return a.AsText().Contains(b.AsText(), StringComparison.OrdinalIgnoreCase);
            case ComparisonOperator.StartsWith:
                return a.AsText().StartsWith(b.AsText(), StringComparison.OrdinalIgnoreCase);
            case ComparisonOperator.EndsWith:
                return a.AsText().EndsWith(b.AsText(), StringComparison.OrdinalIgnoreCase);
        }
        int order;
        if (a.Kind == ExpressionValueKind.Boolean || b.Kind == ExpressionValueKind.Boolean)
        {
            order = a.IsTrue == b.IsTrue ? 0 : (a.IsTrue ? 1 : -1);
        }
        else if (a.TryGetNumber(out var x) && b.TryGetNumber(out var y))
        {
            order = x.CompareTo(y);
        }
        else if (op is ComparisonOperator.Equal or ComparisonOperator.NotEqual
            && (a.Kind == ExpressionValueKind.Null || b.Kind == ExpressionValueKind.Null))
        {
            order = a.AsText().Length == 0 && b.AsText().Length == 0 ? 0 : 1;
        }
        else
        {
            order = string.CompareOrdinal(a.AsText(), b.AsText());
        }
        return op switch
        {
            ComparisonOperator.Equal => order == 0,
            ComparisonOperator.NotEqual => order != 0,
            ComparisonOperator.Less => order < 0,
            ComparisonOperator.LessOrEqual => order <= 0,
            ComparisonOperator.Greater => order > 0,
            _ => order >= 0,
        };
    }
}
