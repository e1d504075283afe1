using Parley.Flows.Execution;
using static Parley.Flows.Tests.FlowTestKit;

namespace Parley.Flows.Tests.Execution;

public sealed class DistributionTests
{
    private static readonly Model.FlowDocument Flow = Parse(
        "{'type':'start','id':'s','next':'d'}",
        "{'type':'distribute','id':'d','branches':[{'percent':70,'next':'a'},{'percent':20,'next':'b'},{'percent':10,'next':'c'}]}",
        "{'type':'hangUp','id':'a','reason':'a'}",
        "{'type':'hangUp','id':'b','reason':'b'}",
        "{'type':'hangUp','id':'c','reason':'c'}");

    private sealed class SequenceRandom : IFlowRandom
    {
        private int _next;
        public double NextDouble() => _next++ % 100 / 100.0;
    }

    private static Dictionary<string, int> Run(IFlowRandom random, int calls)
    {
        var interpreter = Interpreter(random: random);
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < calls; i++)
        {
            var state = interpreter.Start("f", Flow, Call);
            var reason = ((HangUpAction)interpreter.Step(Flow, state, FlowInput.Begin)).Reason;
            counts[reason] = counts.GetValueOrDefault(reason) + 1;
        }
        return counts;
    }

    [Fact]
    public void Evenly_spread_rolls_split_exactly_by_percentage()
    {
        var counts = Run(new SequenceRandom(), 100);
        Assert.Equal(70, counts["a"]);
        Assert.Equal(20, counts["b"]);
        Assert.Equal(10, counts["c"]);
    }

    [Fact]
    public void A_seeded_source_gives_the_same_split_every_run_and_close_to_the_percentages()
    {
        var first = Run(FlowRandom.FromSeed(42), 10_000);
        var second = Run(FlowRandom.FromSeed(42), 10_000);
        Assert.Equal(first, second);
        Assert.InRange(first["a"], 6800, 7200);
        Assert.InRange(first["b"], 1850, 2150);
        Assert.InRange(first["c"], 900, 1100);
    }
}
