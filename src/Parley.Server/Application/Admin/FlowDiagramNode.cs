namespace Parley.Server.Application.Admin;

/// <summary>A block drawn in the designer: where it sits and the validation sentences about it.</summary>
public sealed record FlowDiagramNode(string Id, string Type, int Index, double X, double Y, IReadOnlyList<string> Errors);
