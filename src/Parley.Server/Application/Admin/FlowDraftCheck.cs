namespace Parley.Server.Application.Admin;

/// <summary>An unsaved draft as the designer draws it: its diagram (errors on their blocks) and whether it could be published.</summary>
public sealed record FlowDraftCheck(FlowDiagram Diagram, bool Valid);
