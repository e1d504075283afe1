using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Parley.Cluster.Routing;
using Parley.Routing;
using Parley.Server.Voice.Calls;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>
/// A call on a surviving node whose tenant's routing grain ran on a node that was just killed: Orleans refuses the
/// grain's messages until the cluster has declared that node dead and the grain reactivates elsewhere. The call's
/// routing commands wait that out instead of failing the call (seen in bench/cluster/kill-node.sh: calls on the
/// survivors dropped with event 6109).
/// </summary>
public sealed class GrainCallRoutingFailoverTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Abandon_WhileTheGrainsNodeIsUnreachable_IsSentAgainUntilTheGrainAnswersOnASurvivor()
    {
        var time = new FakeTimeProvider();
        var (grain, state) = Refusing(3);
        using var routing = Routing(grain, time);

        var abandon = routing.AbandonAsync(Guid.NewGuid(), Guid.NewGuid(), Ct).AsTask();
        await AdvanceUntilAsync(abandon, time);

        await abandon;
        Assert.Equal(4, state.Calls);
    }

    [Fact]
    public async Task Abandon_WhenTheGrainStaysUnreachableBeyondTheFailoverWindow_Fails()
    {
        var time = new FakeTimeProvider();
        var (grain, _) = Refusing(int.MaxValue);
        using var routing = Routing(grain, time);

        var abandon = routing.AbandonAsync(Guid.NewGuid(), Guid.NewGuid(), Ct).AsTask();
        await AdvanceUntilAsync(abandon, time);

        await Assert.ThrowsAsync<SiloUnavailableException>(() => abandon);
        Assert.InRange(time.GetUtcNow() - time.Start, GrainCallRouting.FailoverWindow - TimeSpan.FromSeconds(3), GrainCallRouting.FailoverWindow + TimeSpan.FromSeconds(1));
    }

    private static GrainCallRouting Routing(ITenantRoutingGrain grain, TimeProvider time)
    {
        var factory = DispatchProxy.Create<IGrainFactory, GrainFactoryProxy>();
        ((GrainFactoryProxy)(object)factory).Grain = grain;
        return new GrainCallRouting(factory, new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), time, NullLogger<GrainCallRouting>.Instance);
    }

    private static (ITenantRoutingGrain Grain, RefusingGrain State) Refusing(int refusals)
    {
        var grain = DispatchProxy.Create<ITenantRoutingGrain, RefusingGrain>();
        var state = (RefusingGrain)(object)grain;
        state.Refusals = refusals;
        return (grain, state);
    }

    /// <summary>Moves the fake clock on in small steps until <paramref name="task"/> is over (each retry waits on it).</summary>
    private static async Task AdvanceUntilAsync(Task task, FakeTimeProvider time)
    {
        for (var step = 0; step < 2_000 && !task.IsCompleted; step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.WhenAny(task, Task.Delay(5, Ct));
        }
    }

    /// <summary>A tenant routing grain whose node is gone for the first <see cref="Refusals"/> messages; then it answers Ok.</summary>
    public class RefusingGrain : DispatchProxy
    {
        private int _calls;

        public int Refusals { get; set; }

        public int Calls => _calls;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            Interlocked.Increment(ref _calls) <= Refusals
                ? Task.FromException<RoutingResult>(new SiloUnavailableException("The target silo became unavailable (test)"))
                : Task.FromResult(RoutingResult.Ok);
    }

    /// <summary>An <see cref="IGrainFactory"/> that hands out one grain.</summary>
    public class GrainFactoryProxy : DispatchProxy
    {
        public object? Grain { get; set; }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name == nameof(IGrainFactory.GetGrain) ? Grain : throw new NotSupportedException(targetMethod?.Name);
    }
}
