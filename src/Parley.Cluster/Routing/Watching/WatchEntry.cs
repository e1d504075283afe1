namespace Parley.Cluster.Routing.Watching;

/// <summary>One interaction and the watcher that follows it, as a node re-attaches its calls' watchers in bulk.</summary>
[GenerateSerializer, Immutable]
public sealed record WatchEntry(
    [property: Id(0)] string InteractionId,
    [property: Id(1)] IInteractionWatcher Watcher);
