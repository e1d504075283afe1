using Parley.Routing.Channels;
using Parley.Routing.Events;
using Parley.Routing.Queues;

namespace Parley.Routing.Tests.Properties;

/// <summary>
/// Replays events into an independent model and checks, at the instant of each event, that an offer goes to an
/// interaction nobody holds, within capacity, and never overtakes an older equal-priority one of the same queue.
/// </summary>
internal sealed class ModelSink(PropertyWorld world) : IRoutingEventSink
{
    public Dictionary<string, Tracked> Interactions { get; } = [];

    public void Publish(RoutingEvent routingEvent)
    {
        switch (routingEvent)
        {
            case InteractionQueued q:
                var t = Get(q.InteractionId.Value, create: true);
                Assert.Equal(TrackedStatus.Moving, t.Status);
                (t.Queue, t.Channel, t.Priority, t.EnqueuedAt, t.Status) = (q.QueueId.Value, q.Channel, q.Priority, q.EnqueuedAt, TrackedStatus.Waiting);
                break;
            case InteractionOffered o:
                Offered(Get(o.InteractionId.Value), o.AgentId.Value);
                break;
            case InteractionAccepted a:
                Move(a.InteractionId.Value, a.AgentId.Value, TrackedStatus.Offered, TrackedStatus.Active);
                break;
            case InteractionRejected r:
                Move(r.InteractionId.Value, r.AgentId.Value, TrackedStatus.Offered, TrackedStatus.Waiting);
                break;
            case InteractionOfferTimedOut r:
                Move(r.InteractionId.Value, r.AgentId.Value, TrackedStatus.Offered, TrackedStatus.Waiting);
                break;
            case InteractionOfferRevoked r:
                Move(r.InteractionId.Value, r.AgentId.Value, TrackedStatus.Offered, TrackedStatus.Waiting);
                break;
            case InteractionEnded e:
                Move(e.InteractionId.Value, e.AgentId.Value, TrackedStatus.Active, TrackedStatus.Gone);
                break;
            case InteractionAbandoned a:
                var abandoned = Get(a.InteractionId.Value);
                Assert.True(abandoned.Status is TrackedStatus.Waiting or TrackedStatus.Offered);
                (abandoned.Status, abandoned.Agent) = (TrackedStatus.Gone, null);
                break;
            case InteractionMoved m:
                var moved = Get(m.InteractionId.Value);
                Assert.Equal(TrackedStatus.Waiting, moved.Status);
                moved.Status = TrackedStatus.Moving;
                break;
            case InteractionOverflowed f:
                var overflowed = Get(f.InteractionId.Value, create: true);
                Assert.True(overflowed.Status is TrackedStatus.Waiting or TrackedStatus.Moving);
                overflowed.Status = f.Target.Kind == OverflowTargetKind.Queue ? TrackedStatus.Moving : TrackedStatus.Gone;
                break;
        }
    }

    private void Offered(Tracked t, string agent)
    {
        Assert.True(t.Status == TrackedStatus.Waiting, $"{t.Id} offered to {agent} while {t.Status} with {t.Agent}");
        var holding = Interactions.Values.Where(x => x.Agent == agent && x.Status is TrackedStatus.Offered or TrackedStatus.Active).ToList();
        Assert.True(world.CanTake(agent, t.Channel, holding.Select(h => h.Channel).ToList()), $"{agent} over capacity with {t.Id}");
        foreach (var other in t.Queue == PropertyWorld.BullseyeQueue ? Enumerable.Empty<Tracked>() : Interactions.Values)
        {
            var older = other.EnqueuedAt < t.EnqueuedAt || (other.EnqueuedAt == t.EnqueuedAt && other.Arrival < t.Arrival);
            Assert.False(
                other.Status == TrackedStatus.Waiting && other.Queue == t.Queue && other.Channel == t.Channel && other.Priority == t.Priority && older,
                $"{t.Id} overtook {other.Id} in {t.Queue}");
        }

        (t.Status, t.Agent) = (TrackedStatus.Offered, agent);
    }

    private void Move(string id, string agent, TrackedStatus from, TrackedStatus to)
    {
        var t = Get(id);
        Assert.Equal((from, agent), (t.Status, t.Agent));
        t.Status = to;
        t.Agent = to is TrackedStatus.Offered or TrackedStatus.Active ? agent : null;
    }

    private Tracked Get(string id, bool create = false)
    {
        if (!Interactions.TryGetValue(id, out var t))
        {
            Assert.True(create, $"event for unknown {id}");
            t = new Tracked(id, Interactions.Count);
            Interactions.Add(id, t);
        }

        return t;
    }

    public static bool IsRealTime(Channel channel) => ChannelInfo.IsRealTime(channel);
}
