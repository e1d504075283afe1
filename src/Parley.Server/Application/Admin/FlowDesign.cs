using Parley.Server.Api.Flows;

namespace Parley.Server.Application.Admin;

/// <summary>A flow as the designer shows it: its summary, the stored draft JSON (the source of truth) and its diagram.</summary>
public sealed record FlowDesign(FlowSummaryDto Flow, string DraftJson, FlowDiagram Diagram, bool Valid);
