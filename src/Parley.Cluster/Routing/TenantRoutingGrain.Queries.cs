using Parley.Cluster.Routing.Messages;
using Parley.Routing.Agents;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;

namespace Parley.Cluster.Routing;

/// <summary>
/// Queries never wait for a save (the grain is reentrant). Agent and queue views show committed state: an agent that a
/// not-yet-durable command may have changed, and every queue while any command is not durable, come from
/// <see cref="CommittedViews"/>; everything else is read live from the engine, which then equals the committed state.
/// Positions and waiting lists are read live (advisory, for callers already acknowledged).
/// </summary>
internal sealed partial class TenantRoutingGrain
{
    public Task<AgentView?> GetAgent(string agentId) => Task.FromResult(ReadAgent(agentId));

    public Task<AgentView[]> GetAgents()
    {
        IEnumerable<string> ids = Uncommitted ? _agentIds.Union(_committed.AgentIds, StringComparer.Ordinal) : _agentIds;
        return Task.FromResult(ids.Order(StringComparer.Ordinal).Select(ReadAgent).OfType<AgentView>().ToArray());
    }

    public Task<QueueView?> GetQueue(string queueId) =>
        Task.FromResult(Uncommitted
            ? _committed.Queues(time.GetUtcNow()).FirstOrDefault(q => q.QueueId == queueId)
            : ViewOf(new QueueId(queueId)));

    public Task<QueueView[]> GetQueues() => Task.FromResult(Uncommitted ? _committed.Queues(time.GetUtcNow()) : LiveQueues());

    public Task<PositionView?> GetPosition(string interactionId)
    {
        var p = _engine.GetPosition(new InteractionId(interactionId));
        return Task.FromResult(p is null ? null : new PositionView(interactionId, p.Status, p.Position, p.WaitedSoFar, p.EstimatedWait));
    }

    public Task<WaitingView[]> GetWaiting(string queueId) =>
        Task.FromResult(_engine.GetWaiting(new QueueId(queueId))
            .Select(w => new WaitingView(w.Id.Value, w.QueueId.Value, w.Channel, w.Priority, w.EnqueuedAt, w.PreferredAgent?.Value))
            .ToArray());

    private AgentView? ReadAgent(string agentId) =>
        Dirty(agentId) ? _committed.Agent(agentId, time.GetUtcNow()) : ViewOf(new AgentId(agentId));

    private AgentView? ViewOf(AgentId id)
    {
        var a = _engine.GetAgent(id);
        return a is null
            ? null
            : new AgentView(
                a.AgentId.Value, a.State, a.ReasonCode, a.TimeInState, a.SelectedNotReadyReason, a.SignOutPending, a.MissedOffersInRow,
                a.Work.Select(w => new AgentWorkView(w.InteractionId.Value, w.QueueId.Value, w.Channel, w.Status, w.Since)).ToArray(),
                a.WrapUps.Select(w => new WrapUpView(w.InteractionId.Value, w.QueueId.Value, w.Since, w.TimeLimit)).ToArray(),
                time.GetUtcNow());
    }

    private QueueView? ViewOf(QueueId id)
    {
        if (_engine.GetQueue(id) is not { } q)
        {
            return null;
        }

        var s = q.Statistics;
        var c = q.Agents;
        return new QueueView(
            id.Value, s.Waiting, s.OldestWait, c.Available, q.AvailableSlots, s.EstimatedWait, s.AnsweredToday,
            s.AnsweredWithinTargetToday, s.AbandonedToday, s.OverflowedToday, s.ServiceLevelToday, s.AverageHandleTime,
            new AgentCountsView(c.LoggedOut, c.Available, c.Reserved, c.Busy, c.AfterCallWork, c.NotReady),
            _rollover.Day, _rollover.Zone.Id);
    }
}
