using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Data.Entities.Acd;
using Parley.Routing;
using Parley.Server.Application.Calls;
using Parley.Server.Auth;
using Parley.Server.Routing;

namespace Parley.Server.Application.Agents;

/// <summary>The agent's commands on interactions: accept or reject an offer, end, complete wrap-up.</summary>
internal sealed partial class AgentWorkspace
{
    /// <summary>Wrap-up notes longer than this are refused.</summary>
    public const int MaxNotesLength = 2000;

    /// <summary>Accepts an offer; the offer of a live call is refused (<see cref="PhoneAnswered"/>): the phone answers it.</summary>
    public async Task<AppResult<Done>> AcceptAsync(CurrentActor actor, Guid interactionId, CancellationToken ct)
    {
        var attributes = await db.Interactions.Where(i => i.Id == interactionId).Select(i => i.Attributes).FirstOrDefaultAsync(ct);
        if (attributes is not null && PhoneAnswered.IsLiveCall(JsonSerializer.Deserialize<Dictionary<string, string>>(attributes) ?? []))
        {
            return new AppError(AppErrorKind.Conflict, PhoneAnswered.Explanation, PhoneAnswered.Cause);
        }

        return await OnInteractionAsync(actor, interactionId, "accepted", ct, agent => routing.Grain.Accept(RoutingDefinitions.Key(interactionId), agent));
    }

    public Task<AppResult<Done>> RejectAsync(CurrentActor actor, Guid interactionId, CancellationToken ct) =>
        OnInteractionAsync(actor, interactionId, "rejected", ct, agent => routing.Grain.Reject(RoutingDefinitions.Key(interactionId), agent));

    /// <summary>Ends an interaction the agent is handling (only theirs, only while active).</summary>
    public async Task<AppResult<Done>> EndAsync(CurrentActor actor, Guid interactionId, CancellationToken ct)
    {
        if (await AgentOfAsync(actor, ct) is not { } agent)
        {
            return Refusal(actor);
        }

        if (!await db.Interactions.AnyAsync(i => i.Id == interactionId && i.AgentId == agent.Id && i.Status == InteractionRecord.Active, ct))
        {
            return AppError.NotFound();
        }

        audit.Target("interaction", interactionId).Describe("ended");
        return Outcome(await routing.Grain.End(RoutingDefinitions.Key(interactionId)));
    }

    /// <summary>Completes after-call work with a wrap-up code (when the queue has them) and free-text notes, which are saved on the interaction.</summary>
    public async Task<AppResult<Done>> CompleteWrapUpAsync(CurrentActor actor, Guid interactionId, string? code, string? notes, CancellationToken ct)
    {
        if (notes is { Length: > MaxNotesLength })
        {
            return AppError.Invalid("notes", $"Notes are limited to {MaxNotesLength} characters.");
        }

        var done = await OnInteractionAsync(
            actor, interactionId, $"wrapped up{(code is null ? "" : $" ({code})")}{(string.IsNullOrWhiteSpace(notes) ? "" : " with notes")}", ct,
            agent => routing.Grain.CompleteWrapUp(agent, RoutingDefinitions.Key(interactionId), code));
        if (done.IsOk && !string.IsNullOrWhiteSpace(notes))
        {
            await db.Interactions.Where(i => i.Id == interactionId).ExecuteUpdateAsync(set => set.SetProperty(i => i.WrapUpNotes, notes.Trim()).SetProperty(i => i.Version, i => i.Version + 1), ct);
        }

        return done;
    }

    /// <summary>Runs an agent's command on an interaction of the tenant; anything not theirs is not found.</summary>
    private async Task<AppResult<Done>> OnInteractionAsync(
        CurrentActor actor, Guid interactionId, string summary, CancellationToken ct, Func<string, Task<RoutingResult>> command)
    {
        if (await AgentOfAsync(actor, ct) is not { } agent)
        {
            return Refusal(actor);
        }

        if (!await db.Interactions.AnyAsync(i => i.Id == interactionId, ct))
        {
            return AppError.NotFound();
        }

        audit.Target("interaction", interactionId).Describe(summary);
        return Outcome(await command(Key(agent)));
    }

    private static AppResult<Done> Outcome(RoutingResult result) => AppError.From(result) is { } refused ? refused : AppResult<Done>.Ok(Done.Value);
}
