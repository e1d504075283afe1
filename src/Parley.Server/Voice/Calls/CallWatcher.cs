using Parley.Cluster.Routing.Watching;
using Parley.Voice.Calls.Ports;

namespace Parley.Server.Voice.Calls;

/// <summary>The Orleans observer of one call's interaction: turns the routing grain's notices into the call's listener calls.</summary>
internal sealed class CallWatcher(Guid tenantId, ICallRoutingListener listener) : IInteractionWatcher
{
    public Guid TenantId { get; } = tenantId;

    private volatile bool _detached;

    /// <summary>The reference the grain holds (set once created).</summary>
    public IInteractionWatcher? Reference { get; set; }

    /// <summary>The call no longer listens: a notice still on its way is taken and dropped.</summary>
    public void Detach() => _detached = true;

    public Task OnNotice(InteractionNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (_detached)
        {
            return Task.CompletedTask;
        }

        switch (notice.Kind)
        {
            case InteractionNoticeKind.Offered when Guid.TryParse(notice.AgentId, out var agent) && notice.ExpiresAt is { } expires:
                listener.OnOffered(agent, expires);
                break;
            case InteractionNoticeKind.OfferWithdrawn when Guid.TryParse(notice.AgentId, out var agent):
                listener.OnOfferWithdrawn(agent, notice.Detail ?? "withdrawn");
                break;
            case InteractionNoticeKind.Moved when Guid.TryParse(notice.QueueId, out var queue):
                listener.OnMoved(queue);
                break;
            case InteractionNoticeKind.Ended:
                listener.OnEnded(notice.Detail ?? "ended");
                break;
        }

        return Task.CompletedTask;
    }
}
