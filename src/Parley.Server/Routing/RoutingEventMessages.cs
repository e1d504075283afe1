using Parley.Routing.Events;

namespace Parley.Server.Routing;

/// <summary>Turns engine events into the public <see cref="RoutingEventMessage"/> shape.</summary>
internal static class RoutingEventMessages
{
    public const string QueueStatistics = "queue.statistics";

    public static RoutingEventMessage From(RoutingEvent e) => e switch
    {
        AgentStateChanged s => new("agent.state-changed", s.At, null, null, s.AgentId.Value, new Dictionary<string, object?>
        {
            ["previous"] = s.Previous.ToString(), ["current"] = s.Current.ToString(), ["reason"] = s.ReasonCode, ["forced"] = s.Forced,
        }),
        InteractionQueued q => new("interaction.queued", q.At, q.InteractionId.Value, q.QueueId.Value, null, new Dictionary<string, object?>
        {
            ["channel"] = q.Channel.ToString(), ["priority"] = q.Priority, ["enqueuedAt"] = q.EnqueuedAt, ["position"] = q.Position,
            ["estimatedWaitSeconds"] = q.EstimatedWait?.TotalSeconds,
        }),
        InteractionOffered o => new("interaction.offered", o.At, o.InteractionId.Value, o.QueueId.Value, o.AgentId.Value, new Dictionary<string, object?>
        {
            ["channel"] = o.Channel.ToString(), ["expiresAt"] = o.ExpiresAt,
        }),
        InteractionAccepted a => new("interaction.accepted", a.At, a.InteractionId.Value, a.QueueId.Value, a.AgentId.Value, new Dictionary<string, object?>
        {
            ["waitSeconds"] = a.WaitTime.TotalSeconds,
        }),
        InteractionRejected r => new("interaction.rejected", r.At, r.InteractionId.Value, r.QueueId.Value, r.AgentId.Value, Empty),
        InteractionOfferTimedOut t => new("interaction.timed-out", t.At, t.InteractionId.Value, t.QueueId.Value, t.AgentId.Value, Empty),
        InteractionOfferRevoked r => new("interaction.offer-revoked", r.At, r.InteractionId.Value, r.QueueId.Value, r.AgentId.Value, Empty),
        InteractionEnded x => new("interaction.ended", x.At, x.InteractionId.Value, x.QueueId.Value, x.AgentId.Value, new Dictionary<string, object?>
        {
            ["handleSeconds"] = x.HandleTime.TotalSeconds,
        }),
        InteractionAbandoned x => new("interaction.abandoned", x.At, x.InteractionId.Value, x.QueueId.Value, null, new Dictionary<string, object?>
        {
            ["waitSeconds"] = x.WaitTime.TotalSeconds,
        }),
        InteractionOverflowed o => new("interaction.overflowed", o.At, o.InteractionId.Value, o.QueueId.Value, null, new Dictionary<string, object?>
        {
            ["target"] = o.Target.Kind.ToString(), ["targetQueueId"] = o.Target.Queue?.Value, ["reason"] = o.Reason.ToString(),
        }),
        WrapUpCompleted w => new("agent.wrap-up-completed", w.At, w.InteractionId.Value, w.QueueId.Value, w.AgentId.Value, new Dictionary<string, object?>
        {
            ["code"] = w.Code, ["timedOut"] = w.TimedOut,
        }),
        QueueStatisticsChanged s => new(QueueStatistics, s.At, null, s.Statistics.QueueId.Value, null, new Dictionary<string, object?>
        {
            ["waiting"] = s.Statistics.Waiting, ["oldestWaitSeconds"] = s.Statistics.OldestWait.TotalSeconds,
            ["estimatedWaitSeconds"] = s.Statistics.EstimatedWait?.TotalSeconds, ["answeredToday"] = s.Statistics.AnsweredToday,
            ["abandonedToday"] = s.Statistics.AbandonedToday, ["serviceLevelToday"] = s.Statistics.ServiceLevelToday,
        }),
        _ => new(e.GetType().Name, e.At, null, null, null, Empty),
    };

    private static readonly Dictionary<string, object?> Empty = [];
}
