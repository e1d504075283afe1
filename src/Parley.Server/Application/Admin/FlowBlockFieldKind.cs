namespace Parley.Server.Application.Admin;

/// <summary>How the designer's properties panel edits a block field.</summary>
public enum FlowBlockFieldKind
{
    /// <summary>Text (a template where the block's definition says so); empty removes the member.</summary>
    Text,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A number.</summary>
    Number,

    /// <summary>Yes, no or unset (the block's default).</summary>
    Boolean,
}
