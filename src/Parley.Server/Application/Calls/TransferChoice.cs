namespace Parley.Server.Application.Calls;

/// <summary>A queue or an agent the workspace offers as a transfer target.</summary>
public sealed record TransferChoice(Guid Id, string Name);
