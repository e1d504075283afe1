namespace Parley.Flows.Execution;

/// <summary>The random source for percentage distribution; inject a seeded one to make runs repeatable.</summary>
public interface IFlowRandom
{
    /// <summary>A number in [0, 1).</summary>
    double NextDouble();
}
