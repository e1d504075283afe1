namespace Parley.Routing;

/// <summary>Outcome of an engine command. Anything but <see cref="Ok"/> leaves the engine unchanged.</summary>
public enum RoutingResult
{
    Ok = 0,
    UnknownAgent = 1,
    UnknownQueue = 2,
    UnknownInteraction = 3,
    DuplicateInteraction = 4,
    AgentNotSignedIn = 5,
    AgentAlreadySignedIn = 6,
    InvalidState = 7,
    WrongAgent = 8,
    ChannelNotServed = 9,
    WrapUpCodeRequired = 10,
    InvalidWrapUpCode = 11,
    AgentHasWork = 12,
    InvalidDefinition = 13,

    /// <summary>Sign-in refused: the tenant's plan has no voice seat left (the host decides seats, not the engine).</summary>
    NoVoiceSeat = 14,

    /// <summary>Sign-in refused: no digital (chat, e-mail, messaging) seat left.</summary>
    NoDigitalSeat = 15,

    /// <summary>Sign-in refused: no video seat left.</summary>
    NoVideoSeat = 16,
}
