using Parley.Cluster.Routing.Messages;
using Parley.Routing.Agents;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;

namespace Parley.Cluster.Routing;

internal sealed partial class TenantRoutingGrain
{
    public Task<AgentView?> GetAgent(string agentId) => Task.FromResult(ViewOf(new AgentId(agentId)));

    public Task<AgentView[]> GetAgents() =>
        Task.FromResult(_agentIds.Order(StringComparer.Ordinal).Select(id => ViewOf(new AgentId(id))).OfType<AgentView>().ToArray());

    public Task<QueueView?> GetQueue(string queueId) => Task.FromResult(ViewOf(new QueueId(queueId)));

    public Task<QueueView[]> GetQueues() =>
        Task.FromResult(_queueIds.Order(StringComparer.Ordinal).Select(id => ViewOf(new QueueId(id))).OfType<QueueView>().ToArray());

    public Task<PositionView?> GetPosition(string interactionId)
    {
        var p = _engine.GetPosition(new InteractionId(interactionId));
        return Task.FromResult(p is null ? null : new PositionView(interactionId, p.Status, p.Position, p.WaitedSoFar, p.EstimatedWait));
    }

    public Task<WaitingView[]> GetWaiting(string queueId) =>
        Task.FromResult(_engine.GetWaiting(new QueueId(queueId))
            .Select(w => new WaitingView(w.Id.Value, w.QueueId.Value, w.Channel, w.Priority, w.EnqueuedAt, w.PreferredAgent?.Value))
            .ToArray());

    private AgentView? ViewOf(AgentId id)
    {
        var a = _engine.GetAgent(id);
        return a is null
            ? null
            : new AgentView(
                a.AgentId.Value, a.State, a.ReasonCode, a.TimeInState, a.SelectedNotReadyReason, a.SignOutPending, a.MissedOffersInRow,
                a.Work.Select(w => new AgentWorkView(w.InteractionId.Value, w.QueueId.Value, w.Channel, w.Status, w.Since)).ToArray(),
                a.WrapUps.Select(w => new WrapUpView(w.InteractionId.Value, w.QueueId.Value, w.Since)).ToArray());
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
