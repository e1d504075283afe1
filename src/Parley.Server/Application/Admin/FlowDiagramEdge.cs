namespace Parley.Server.Application.Admin;

/// <summary>A transition drawn in the designer, named by its field (<c>next</c>, <c>options/1/next</c>).</summary>
public sealed record FlowDiagramEdge(string From, string To, string Field);
