namespace Parley.Cluster.Routing.Watching;

public enum InteractionNoticeKind
{
    /// <summary>Ringing at <see cref="InteractionNotice.AgentId"/> until <see cref="InteractionNotice.ExpiresAt"/>.</summary>
    Offered,
    /// <summary>The offer to <see cref="InteractionNotice.AgentId"/> is over (revoked, timed out or rejected).</summary>
    OfferWithdrawn,
    /// <summary>Now waiting in another queue (<see cref="InteractionNotice.QueueId"/>).</summary>
    Moved,
    /// <summary>Left routing: ended, abandoned, or overflowed out of routing (<see cref="InteractionNotice.Detail"/> says how).</summary>
    Ended,
}
