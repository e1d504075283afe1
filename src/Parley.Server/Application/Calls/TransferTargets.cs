namespace Parley.Server.Application.Calls;

/// <summary>What the workspace's transfer picker lists: the tenant's voice queues and the other agents.</summary>
public sealed record TransferTargets(IReadOnlyList<TransferChoice> Queues, IReadOnlyList<TransferChoice> Agents)
{
    public static readonly TransferTargets None = new([], []);
}
