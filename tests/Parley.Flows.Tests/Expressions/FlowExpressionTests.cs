using Parley.Flows.Expressions;

namespace Parley.Flows.Tests.Expressions;

public sealed class FlowExpressionTests
{
    private sealed class Scope(Dictionary<string, string> values) : IExpressionScope
    {
        public ExpressionValue Resolve(string reference) => ExpressionValue.Of(values.GetValueOrDefault(reference));
    }

    private static readonly Scope Values = new(new()
    {
        ["vars.count"] = "10",
        ["vars.name"] = "Alice",
        ["call.caller"] = "+15551234567",
        ["time.time"] = "09:30",
        ["time.dayOfWeek"] = "monday",
    });

    [Theory]
    [InlineData("vars.count > 9", true)]
    [InlineData("vars.count < 9.5", false)]
    [InlineData("vars.count == '10'", true)]
    [InlineData("vars.name == 'Alice' && vars.count >= 10", true)]
    [InlineData("vars.name != \"Alice\" or not vars.missing", true)]
    [InlineData("!(vars.name contains 'LIC')", false)]
    [InlineData("call.caller startsWith '+1' and call.caller endsWith '67'", true)]
    [InlineData("time.time >= '09:00' and time.time < '17:00'", true)]
    [InlineData("time.dayOfWeek == 'saturday' or time.dayOfWeek == 'sunday'", false)]
    [InlineData("vars.missing == null", true)]
    [InlineData("vars.missing == ''", true)]
    [InlineData("true and (false or (vars.count == 10))", true)]
    public void Expressions_evaluate_as_written(string text, bool expected)
    {
        Assert.True(FlowExpression.TryParse(text, out var expression, out var error), error?.ToString());
        Assert.Equal(expected, expression!.IsTrue(Values));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("vars.a ==", 9)]
    [InlineData("vars.a == 'open", 10)]
    [InlineData("(vars.a == 1", 12)]
    [InlineData("caller == 1", 0)]
    [InlineData("call.pin == 1", 0)]
    [InlineData("vars.a = 1", 7)]
    [InlineData("vars.a == 1 vars.b", 12)]
    [InlineData("vars.9a == 1", 0)]
    public void Parse_errors_carry_the_position(string text, int position)
    {
        Assert.False(FlowExpression.TryParse(text, out _, out var error));
        Assert.Equal(position, error!.Position);
    }

    [Fact]
    public void Length_and_depth_are_bounded()
    {
        Assert.False(FlowExpression.TryParse(new string('(', 40) + "true" + new string(')', 40), out _, out var deep));
        Assert.Contains("deeper", deep!.Message);
        Assert.False(FlowExpression.TryParse("vars.a == '" + new string('x', 1200) + "'", out _, out var longer));
        Assert.Contains("longer", longer!.Message);
    }

    [Fact]
    public void Templates_substitute_references_and_encode_only_values()
    {
        var template = FlowTemplate.Parse("https://x/{vars.name}/{{literal}}?c={call.caller}");
        Assert.Equal("https://x/Alice/{literal}?c=%2B15551234567", template.Render(Values, Uri.EscapeDataString));
        Assert.False(FlowTemplate.TryParse("Hi {vars.name", out _, out var error));
        Assert.Equal(3, error!.Position);
    }
}
