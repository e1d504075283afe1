namespace Parley.Server.Application.Admin;

/// <summary>A field the properties panel offers for a block type: its JSON Pointer inside the block (<c>prompt/text</c>), a label and how to edit it.</summary>
public sealed record FlowBlockField(string Pointer, string Label, FlowBlockFieldKind Kind);
