namespace Parley.Flows.Execution;

/// <summary><see cref="IFlowRandom"/> over <see cref="Random"/>: <see cref="Shared"/> for production, <see cref="FromSeed"/> for tests.</summary>
public sealed class FlowRandom(Random random) : IFlowRandom
{
    public static readonly FlowRandom Shared = new(Random.Shared);

    public static FlowRandom FromSeed(int seed) => new(new Random(seed));

    public double NextDouble() => random.NextDouble();
}
