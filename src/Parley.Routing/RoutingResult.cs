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
}
