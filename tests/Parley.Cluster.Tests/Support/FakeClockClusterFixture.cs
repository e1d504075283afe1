using Orleans.TestingHost;

namespace Parley.Cluster.Tests.Support;

/// <summary>A one-silo test cluster whose grains run on the fake clocks of <see cref="SwitchableClock"/>.</summary>
public sealed class FakeClockClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<FakeClockSiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
