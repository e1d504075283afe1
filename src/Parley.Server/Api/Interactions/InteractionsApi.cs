using Microsoft.EntityFrameworkCore;
using Parley.Cluster.Routing.Messages;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Domain.Security;
using Parley.Routing.Channels;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Agents;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Routing;

namespace Parley.Server.Api.Interactions;

/// <summary>
/// <c>/api/v1/interactions</c>: hand an interaction to routing (PaaS, tests, channel adapters), list and follow them, and — as
/// the agent it was offered to — accept, reject, end and wrap it up (through <see cref="AgentWorkspace"/>, as the web workspace does).
/// </summary>
public static class InteractionsApi
{
    public static RouteGroupBuilder MapInteractionsApi(this RouteGroupBuilder api)
    {
        var interactions = api.MapGroup("/interactions").WithTags("Interactions");
        interactions.MapGet("/", InteractionList.ListAsync).RequirePermission(Permissions.InteractionsRead);
        interactions.MapPost("/", CreateAsync).RequirePermission(Permissions.InteractionsWrite).Audited("interactions.create");
        interactions.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.InteractionsRead);
        interactions.MapPost("/{id:guid}/abandon", AbandonAsync).RequirePermission(Permissions.InteractionsWrite).Audited("interactions.abandon");
        interactions.MapPost("/{id:guid}/accept", AcceptAsync).RequirePermission(Permissions.AgentSelf).Audited("interactions.accept");
        interactions.MapPost("/{id:guid}/reject", RejectAsync).RequirePermission(Permissions.AgentSelf).Audited("interactions.reject");
        interactions.MapPost("/{id:guid}/end", EndAsync).RequirePermission(Permissions.AgentSelf).Audited("interactions.end");
        interactions.MapPost("/{id:guid}/wrap-up", WrapUpAsync).RequirePermission(Permissions.AgentSelf).Audited("interactions.wrap-up");
        interactions.MapGet("/{id:guid}/voicemail", VoicemailAsync).RequireAnyPermission(Permissions.AgentSelf, Permissions.RecordingsListen)
            .AuditedRead("interactions.voicemail.listen")
            .WithSummary("Play a voicemail interaction's message (audio/wav, HTTP range requests): its agent, or recordings.listen")
            .Produces(StatusCodes.Status200OK, contentType: "audio/wav")
            .Produces(StatusCodes.Status206PartialContent, contentType: "audio/wav")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapChatMessages();
        return api;
    }

    /// <summary>
    /// Queues the interaction through the tenant's routing grain, which answers once the record is durable. The answer is
    /// built from the request and the grain's live position, without reading the record back: it was stored as given,
    /// waiting, at the time stamped here. It carries no routing history: reading it back cut creations per second by a
    /// third on SQLite (07 Dec); a GET shows it.
    /// </summary>
    private static async Task<IResult> CreateAsync(
        CreateInteractionRequest request, HttpContext http, RoutingGateway routing, AuditScope audit, TimeProvider time, CancellationToken ct)
    {
        // The tenant's routing grain knows its queues: one of another tenant, or none, is refused there as 404. The
        // database is opened only to check a preferred agent (a context per request is a tenth of this path's cost).
        if (request.Attributes?.Keys.FirstOrDefault(ReservedAttributes.Contains) is { } reserved)
        {
            return ApiProblems.Invalid($"attributes.{reserved}", "Parley sets this attribute itself; give yours another name.");
        }

        if (request.PreferredAgentId is { } preferred
            && !await http.RequestServices.GetRequiredService<ParleyDbContext>().Agents.AnyAsync(a => a.Id == preferred, ct))
        {
            return ApiProblems.Invalid("preferredAgentId", "No such agent.");
        }

        var id = Guid.CreateVersion7();
        var now = time.GetUtcNow();
        var enqueuedAt = new DateTimeOffset(now.Ticks - (now.Ticks % 10), TimeSpan.Zero); // whole microseconds: what PostgreSQL keeps
        var attributes = new Dictionary<string, string>(request.Attributes ?? new Dictionary<string, string>());
        var command = new EnqueueCommand(
            RoutingDefinitions.Key(id), RoutingDefinitions.Key(request.QueueId), Enum.Parse<Channel>(request.Channel), request.Priority ?? 0,
            attributes, request.PreferredAgentId is { } agent ? RoutingDefinitions.Key(agent) : null, enqueuedAt);
        var queued = await routing.Grain.EnqueueAndLocate(command);
        if (RoutingProblems.From(queued.Result) is { } refused)
        {
            return refused;
        }

        audit.Target("interaction", id).Describe($"queued {request.Channel} interaction");
        var position = queued.Position;
        var stored = new InteractionSummaryDto(
            id, request.QueueId, request.Channel, command.Priority, attributes, enqueuedAt, InteractionRecord.Waiting, null, null, null, null, null);
        return TypedResults.Created($"/api/v1/interactions/{id}", InteractionDto.Created(stored, position));
    }

    private static async Task<IResult> GetAsync(Guid id, ParleyDbContext db, RoutingGateway routing, CancellationToken ct)
    {
        var record = await db.Interactions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (record is null)
        {
            return ApiProblems.NotFound();
        }

        var history = await db.RoutingHistory.AsNoTracking().Where(h => h.InteractionId == id).OrderBy(h => h.Id).ToListAsync(ct);
        var position = await routing.Grain.GetPosition(RoutingDefinitions.Key(id));
        return TypedResults.Ok(InteractionDto.From(record, position, history.Select(RoutingHistoryDto.From).ToList()));
    }

    private static async Task<IResult> AbandonAsync(Guid id, ParleyDbContext db, RoutingGateway routing, AuditScope audit, CancellationToken ct)
    {
        if (!await db.Interactions.AnyAsync(i => i.Id == id, ct))
        {
            return ApiProblems.NotFound();
        }

        audit.Target("interaction", id).Describe("customer left");
        return RoutingProblems.From(await routing.Grain.Abandon(RoutingDefinitions.Key(id))) ?? TypedResults.NoContent();
    }

    private static async Task<IResult> AcceptAsync(Guid id, HttpContext http, AgentWorkspace workspace, CancellationToken ct) =>
        (await workspace.AcceptAsync(CurrentActor.Require(http.User), id, ct)).ToHttp();

    private static async Task<IResult> VoicemailAsync(Guid id, HttpContext http, Application.Calls.VoicemailPlayback playback, CancellationToken ct) =>
        (await playback.FindAsync(CurrentActor.Require(http.User), id, http.Request.Headers.Range.ToString(), ct)).ToHttp(audio => Results.File(
            audio.Path, "audio/wav", fileDownloadName: audio.FileName, lastModified: audio.RecordedAt,
            entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue("\"" + audio.Sha256 + "\""), enableRangeProcessing: true));

    private static async Task<IResult> RejectAsync(Guid id, HttpContext http, AgentWorkspace workspace, CancellationToken ct) =>
        (await workspace.RejectAsync(CurrentActor.Require(http.User), id, ct)).ToHttp();

    private static async Task<IResult> EndAsync(Guid id, HttpContext http, AgentWorkspace workspace, CancellationToken ct) =>
        (await workspace.EndAsync(CurrentActor.Require(http.User), id, ct)).ToHttp();

    private static async Task<IResult> WrapUpAsync(Guid id, WrapUpRequest request, HttpContext http, AgentWorkspace workspace, CancellationToken ct) =>
        (await workspace.CompleteWrapUpAsync(CurrentActor.Require(http.User), id, request.Code, request.Notes, ct)).ToHttp();
}
