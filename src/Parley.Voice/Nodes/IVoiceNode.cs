namespace Parley.Voice.Nodes;

/// <summary>
/// This node's identity among the cluster's media nodes (<c>Parley:NodeId</c>). A call's records carry it, so that
/// when the node dies a restart on the same data directory (or an operator) can close the calls it owned.
/// </summary>
public interface IVoiceNode
{
    /// <summary>Stable across restarts of the same node; at most 64 characters.</summary>
    string Id { get; }
}
