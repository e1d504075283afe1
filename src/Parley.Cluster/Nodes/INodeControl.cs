namespace Parley.Cluster.Nodes;

/// <summary>
/// The host's side of <see cref="INodeGrain"/> for maintenance: describes this node and starts its drain (no new calls
/// or chats, live calls finish, then the process exits). The default (<see cref="NoNodeControl"/>) cannot drain.
/// <see cref="NodeStatus.SiloAddress"/> is filled in by the grain.
/// </summary>
public interface INodeControl
{
    NodeStatus Describe();

    /// <summary>Starts draining this node (again: nothing more) and answers its status.</summary>
    NodeStatus Drain();
}
