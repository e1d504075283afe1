namespace Parley.Server.Application.Admin;

/// <summary>
/// A block drawn in the designer: where it sits and the validation sentences about it, also by field (the pointer inside the
/// block, <c>prompt/text</c>; the block itself is <c>""</c>) for the properties panel.
/// </summary>
public sealed record FlowDiagramNode(
    string Id, string Type, int Index, double X, double Y, IReadOnlyList<string> Errors, IReadOnlyDictionary<string, string[]> FieldErrors);
