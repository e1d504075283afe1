namespace Parley.Server.Api.Flows;

/// <summary>One block a try entered (<c>flowId</c> is <c>trial</c> for the tried flow, a subflow's id otherwise).</summary>
public sealed record FlowTryPathDto(string FlowId, string BlockId, string BlockType, IReadOnlyList<string> Inputs, string? Branch);
