using Parley.Routing;
using Parley.Server.Api.Conventions;

namespace Parley.Server.Routing;

/// <summary>Maps the engine's refusals to problem details; unknown (or another tenant's) objects answer 404.</summary>
internal static class RoutingProblems
{
    public static IResult? From(RoutingResult result) => result switch
    {
        RoutingResult.Ok => null,
        RoutingResult.UnknownAgent or RoutingResult.UnknownQueue or RoutingResult.UnknownInteraction or RoutingResult.WrongAgent => ApiProblems.NotFound(),
        RoutingResult.ChannelNotServed => ApiProblems.Invalid("channel", "The queue does not serve this channel."),
        RoutingResult.WrapUpCodeRequired => ApiProblems.Invalid("code", "This queue requires a wrap-up code."),
        RoutingResult.InvalidWrapUpCode => ApiProblems.Invalid("code", "The code is not one of the queue's wrap-up codes."),
        RoutingResult.InvalidDefinition => ApiProblems.Invalid("request", "The routing engine refused the definition."),
        RoutingResult.AgentNotSignedIn => ApiProblems.Conflict("The agent is not signed in."),
        RoutingResult.AgentAlreadySignedIn => ApiProblems.Conflict("The agent is already signed in."),
        RoutingResult.AgentHasWork => ApiProblems.Conflict("The agent is signed in; sign them out first."),
        RoutingResult.DuplicateInteraction => ApiProblems.Conflict("The interaction already exists."),
        _ => ApiProblems.Conflict("The interaction or agent is not in a state that allows this."),
    };
}
