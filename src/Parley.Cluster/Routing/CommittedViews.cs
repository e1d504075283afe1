using Parley.Cluster.Routing.Messages;

namespace Parley.Cluster.Routing;

/// <summary>
/// What the tenant's agents and queues looked like after the last committed change set, captured from the engine when
/// the set was sealed (when the engine's state was exactly the set's end) and published when its save committed. Reads
/// use it for whatever commands not yet durable may have changed, so they never show state that could still be rolled
/// back and never wait for a save. Durations are advanced by the time since capture.
/// </summary>
internal sealed class CommittedViews
{
    private readonly Dictionary<string, Captured<AgentView>> _agents = new(StringComparer.Ordinal);
    private Captured<QueueView[]> _queues = new([], DateTimeOffset.MinValue);

    public IEnumerable<string> AgentIds => _agents.Keys;

    public void SetAgent(string agentId, AgentView? view, DateTimeOffset at)
    {
        if (view is null)
        {
            _agents.Remove(agentId);
        }
        else
        {
            _agents[agentId] = new Captured<AgentView>(view, at);
        }
    }

    public void SetQueues(QueueView[] queues, DateTimeOffset at) => _queues = new Captured<QueueView[]>(queues, at);

    public AgentView? Agent(string agentId, DateTimeOffset now)
    {
        if (!_agents.TryGetValue(agentId, out var c))
        {
            return null;
        }

        var elapsed = now - c.At;
        var v = c.Value;
        return v with
        {
            TimeInState = v.TimeInState + elapsed,
            Work = [.. v.Work.Select(w => w with { Since = w.Since + elapsed })],
            WrapUps = [.. v.WrapUps.Select(w => w with { Since = w.Since + elapsed })],
            AsOf = now,
        };
    }

    public QueueView[] Queues(DateTimeOffset now)
    {
        var elapsed = now - _queues.At;
        return [.. _queues.Value.Select(q => q.Waiting > 0 ? q with { OldestWait = q.OldestWait + elapsed } : q)];
    }

    private readonly record struct Captured<T>(T Value, DateTimeOffset At);
}
