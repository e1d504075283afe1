namespace Parley.Cluster.Routing.Ports;

public enum InteractionChangeKind
{
    MovedToQueue = 0,
    Accepted = 1,
    Ended = 2,
    Abandoned = 3,
    Overflowed = 4,
}
