using Parley.Routing.Interactions;

namespace Parley.Routing.Pools;

/// <summary>
/// Sort key of a waiting interaction. <see cref="Key"/> is its priority minus aging × enqueue time: with one
/// aging rate per queue, comparing keys compares effective priorities at any instant.
/// </summary>
internal readonly record struct WaitingEntry(double Key, long EnqueuedTicks, long Sequence, InteractionRuntime Interaction);
