namespace Parley.Voice.Calls.Outbound;

/// <summary>
/// The attribute that marks the ACD interaction of a call an agent placed (click to dial, or an internal call by extension):
/// such an interaction is never queued or offered, so reports and the supervisor dashboard do not count it as an offered contact.
/// </summary>
public static class PlacedCallAttributes
{
    public const string Direction = "direction";

    /// <summary>A call to a number through a trunk.</summary>
    public const string Outbound = "outbound";

    /// <summary>A call to another agent's extension.</summary>
    public const string Internal = "internal";
}
