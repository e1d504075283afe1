using CsCheck;
using Parley.Routing.Interactions;

namespace Parley.Routing.Tests.Properties;

public sealed class RandomSequenceTests
{
    private static readonly Gen<Step[]> Steps =
        Gen.Select(Gen.Int[0, 14], Gen.Int[0, 1000], Gen.Int[0, 1000], (k, a, b) => new Step(k, a, b)).Array[1, 120];

    [Fact]
    public void RandomCommandSequences_KeepEveryRoutingInvariant() =>
        Steps.Sample(steps =>
        {
            var world = new PropertyWorld();
            foreach (var step in steps)
            {
                world.Apply(step);
                Verify(world);
            }
        }, iter: 400, threads: 1);

    [Fact]
    public void RestoreAfterRandomCommands_RebuildsEveryQueueInTheSameOrder() =>
        Steps.Sample(steps =>
        {
            var world = new PropertyWorld();
            foreach (var step in steps)
            {
                world.Apply(step);
            }

            var restored = new PropertyWorld();
            restored.Time.SetUtcNow(world.Time.GetUtcNow());
            var state = world.Engine.ExportState();
            Assert.Equal(RoutingResult.Ok, restored.Engine.Restore(state with { Agents = [], Active = [] }));
            Assert.Equal(state.Waiting.Count, restored.Engine.InteractionCount);
            foreach (var queue in new[] { "q0", "q1", "q2", "q3", PropertyWorld.BullseyeQueue })
            {
                var before = world.Engine.GetWaiting(new(queue))
                    .Where(w => world.Engine.GetPosition(w.Id)!.Status == InteractionStatus.Waiting)
                    .Select(w => w.Id).ToList();
                var after = restored.Engine.GetWaiting(new(queue)).Select(w => w.Id).Where(before.Contains).ToList();
                Assert.Equal(before, after);
            }
        }, iter: 200, threads: 1);

    /// <summary>After every command the engine agrees with the event-built model on every interaction and agent.</summary>
    private static void Verify(PropertyWorld world)
    {
        var engine = world.Engine;
        var model = world.Sink.Interactions.Values;
        Assert.Equal(model.Count(t => t.Status != TrackedStatus.Gone), engine.InteractionCount);
        foreach (var t in model)
        {
            var position = engine.GetPosition(new InteractionId(t.Id));
            var expected = t.Status switch
            {
                TrackedStatus.Waiting => InteractionStatus.Waiting,
                TrackedStatus.Offered => InteractionStatus.Offered,
                TrackedStatus.Active => InteractionStatus.Active,
                _ => (InteractionStatus?)null,
            };
            Assert.True(t.Status != TrackedStatus.Moving, $"{t.Id} left mid-move");
            Assert.Equal(expected, position?.Status == InteractionStatus.WaitingForPreferredAgent ? InteractionStatus.Waiting : position?.Status);
        }

        foreach (var agent in world.Agents)
        {
            var snapshot = engine.GetAgent(agent.Id)!;
            var held = model.Where(t => t.Agent == agent.Id.Value && t.Status is TrackedStatus.Offered or TrackedStatus.Active)
                .Select(t => t.Id).Order().ToList();
            Assert.Equal(held, snapshot.Work.Select(w => w.InteractionId.Value).Order().ToList());
            foreach (var group in snapshot.Work.GroupBy(w => w.Channel))
            {
                Assert.True(group.Count() <= agent.Capacities.GetValueOrDefault(group.Key), $"{agent.Id} over capacity");
            }

            var ready = snapshot.State != Parley.Routing.Agents.AgentState.LoggedOut && snapshot.SelectedNotReadyReason is null
                && !snapshot.SignOutPending && snapshot.WrapUps.Count == 0;
            if (!ready)
            {
                continue;
            }

            var holding = snapshot.Work.Select(w => w.Channel).ToList();
            foreach (var t in model.Where(t => t.Status == TrackedStatus.Waiting
                && engine.GetPosition(new InteractionId(t.Id))!.Status == InteractionStatus.Waiting))
            {
                Assert.False(
                    world.Serves(agent, t.Queue, t.Channel) && world.CanTake(agent.Id.Value, t.Channel, holding),
                    $"{agent.Id} idles beside waiting {t.Id} in {t.Queue}");
            }
        }
    }
}
