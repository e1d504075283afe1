using Orleans.Concurrency;

namespace Parley.Cluster.Routing.Watching;

/// <summary>
/// Something outside the routing grain that follows one interaction: a call on whichever node answered it. The grain
/// tells it about offers, withdrawals and ends right after they are saved, wherever the grain lives.
/// </summary>
public interface IInteractionWatcher : IGrainObserver
{
    [OneWay]
    Task OnNotice(InteractionNotice notice);
}
