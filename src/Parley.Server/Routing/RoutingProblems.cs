using Parley.Routing;
using Parley.Server.Application;

namespace Parley.Server.Routing;

/// <summary>Maps the engine's refusals (<see cref="AppError.From(RoutingResult)"/>) to problem details; null for success.</summary>
internal static class RoutingProblems
{
    public static IResult? From(RoutingResult result) => AppError.From(result)?.ToProblem();
}
