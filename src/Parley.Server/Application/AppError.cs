using Parley.Cluster.Routing.Seats;
using Parley.Routing;

namespace Parley.Server.Application;

/// <summary>
/// A refusal of the application layer: its kind, a sentence for a person, the field it concerns (if any) and, for REST, a
/// problem title more precise than the kind's (null: the kind's). A refusal of several fields at once (a schedule's rows) keeps
/// every field's messages in <see cref="Errors"/>, so REST answers them all and a form shows each under its field.
/// </summary>
public sealed record AppError(
    AppErrorKind Kind, string Detail, string? Field = null, string? Title = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    /// <summary>Every field this refusal names (<see cref="Field"/>, then the others of <see cref="Errors"/>).</summary>
    public IEnumerable<string> Fields => Errors?.Keys ?? (Field is null ? [] : [Field]);

    /// <summary>What this refusal says about <paramref name="field"/> (case-insensitive), or null when it names another.</summary>
    public string? MessageFor(string field)
    {
        if (Errors?.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)) is { Key: not null } entry)
        {
            return string.Join(" ", entry.Value);
        }

        return string.Equals(Field, field, StringComparison.OrdinalIgnoreCase) ? Detail : null;
    }

    public static AppError NotFound() => new(AppErrorKind.NotFound, "No such resource.");

    /// <summary>Not found, saying what was looked for ("No such queue.") where the caller named it in the request.</summary>
    public static AppError NotFound(string detail) => new(AppErrorKind.NotFound, detail);

    public static AppError Invalid(string field, string detail) => new(AppErrorKind.Invalid, detail, field);

    public static AppError Conflict(string detail) => new(AppErrorKind.Conflict, detail);

    /// <summary>The tenant's plan allows no more of something; <paramref name="limit"/> names it (<c>seats.voice</c>).</summary>
    public static AppError LimitReached(string limit, string detail) => new(AppErrorKind.LimitReached, detail, limit);

    public static AppError Stale() => new(AppErrorKind.Stale, "The resource changed since you read it; read it again and retry.");

    /// <summary>This node is draining: new work goes to another node (<paramref name="cause"/> names the refusal, e.g. <c>node_draining</c>).</summary>
    public static AppError Unavailable(string cause, string detail) => new(AppErrorKind.Unavailable, detail, cause);

    public static AppError Forbidden(string permission) => new(AppErrorKind.Forbidden, $"This needs the permission '{permission}'.");

    /// <summary>Granting (in a role, to a user or an API client) permissions the actor does not hold.</summary>
    public static AppError CannotGrant(IReadOnlyList<string> missing) =>
        new(AppErrorKind.Forbidden, "Missing: " + string.Join(", ", missing), Title: "Cannot grant permissions you do not hold");

    /// <summary>Acting on a user who holds permissions the actor does not hold.</summary>
    public static AppError CannotActOn(IReadOnlyList<string> missing) =>
        new(AppErrorKind.Forbidden, "Missing: " + string.Join(", ", missing), Title: "Cannot act on a user who holds permissions you do not hold");

    /// <summary>The engine's refusals; unknown (or another tenant's) objects are not found. Null for success.</summary>
    public static AppError? From(RoutingResult result) => result switch
    {
        RoutingResult.Ok => null,
        RoutingResult.UnknownAgent => NotFound("No such agent."),
        RoutingResult.UnknownQueue => NotFound("No such queue."),
        RoutingResult.UnknownInteraction => NotFound("No such interaction."),
        RoutingResult.WrongAgent => NotFound(),
        RoutingResult.ChannelNotServed => Invalid("channel", "The queue does not serve this channel."),
        RoutingResult.WrapUpCodeRequired => Invalid("code", "This queue requires a wrap-up code."),
        RoutingResult.InvalidWrapUpCode => Invalid("code", "The code is not one of the queue's wrap-up codes."),
        RoutingResult.InvalidDefinition => Invalid("request", "The routing engine refused the definition."),
        RoutingResult.AgentNotSignedIn => Conflict("The agent is not signed in."),
        RoutingResult.AgentAlreadySignedIn => Conflict("The agent is already signed in."),
        RoutingResult.AgentHasWork => Conflict("The agent is signed in; sign them out first."),
        RoutingResult.DuplicateInteraction => Conflict("The interaction already exists."),
        RoutingResult.NoVoiceSeat => NoSeat(SeatGroup.Voice),
        RoutingResult.NoDigitalSeat => NoSeat(SeatGroup.Digital),
        RoutingResult.NoVideoSeat => NoSeat(SeatGroup.Video),
        _ => Conflict("The interaction or agent is not in a state that allows this."),
    };

    private static AppError NoSeat(SeatGroup group) => LimitReached(
        SeatGroups.LimitName(group),
        $"Every {group.ToString().ToLowerInvariant()} seat of your plan is in use ({SeatGroups.LimitName(group)}); ask an administrator for more seats or wait until an agent signs out.");
}
