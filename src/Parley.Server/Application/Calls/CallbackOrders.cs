using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Tenancy;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Voice.Calls.Outbound;
using Parley.Voice.Calls.Ports;
using Parley.Voice.Numbers;

namespace Parley.Server.Application.Calls;

/// <summary>
/// Callbacks asked for through the API (a web form, a CRM, a campaign) rather than by a caller in a flow: checks the
/// number and the queue, then queues the callback at once (<see cref="ICallbacks"/>) or stores it for its time
/// (<see cref="ICallbackSchedule"/>); from then on it is offered, rung and retried like a flow's callback.
/// </summary>
internal sealed class CallbackOrders(ParleyDbContext db, TenantContext tenant, ICallbacks callbacks, ICallbackSchedule schedule, TimeProvider time, AuditScope audit)
{
    /// <summary>How far ahead a callback may be scheduled.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(30);

    public async Task<AppResult<CallbackOrdered>> OrderAsync(CurrentActor actor, CallbackOrder order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(order);
        if (!E164.TryParseInternational(order.Number, out var number))
        {
            return AppError.Invalid("number", "The number to call back: E.164, + and 8 to 15 digits.");
        }

        string? calledNumber = null;
        if (order.CalledNumber is { Length: > 0 } called && !E164.TryParseInternational(called, out calledNumber))
        {
            return AppError.Invalid("calledNumber", "E.164, + and 8 to 15 digits, or leave it out.");
        }

        if (CallbackAttributes.ParseMode(order.Mode) is not { } mode)
        {
            return AppError.Invalid("mode", "preview (the agent's phone rings first) or customerFirst (Parley calls the customer first).");
        }

        var now = time.GetUtcNow();
        if (order.At is { } at && at > now + MaxAhead)
        {
            return AppError.Invalid("at", $"At most {MaxAhead.TotalDays:0} days ahead.");
        }

        tenant.Set(actor.TenantId);
        var queue = order.QueueId is { } id
            ? await db.Queues.AsNoTracking().Where(q => q.Id == id).Select(q => new { q.Id, q.Name, q.Channels }).SingleOrDefaultAsync(ct)
            : null;
        if (queue is null || !queue.Channels.Contains("Voice"))
        {
            return AppError.Invalid("queueId", "A queue of yours that serves voice.");
        }

        var request = new CallbackRequest(actor.TenantId, queue.Id.ToString(), number, Guid.Empty, calledNumber, null) { InteractionId = Guid.CreateVersion7(), Mode = mode };
        audit.Target("callback", request.InteractionId!.Value);
        if (order.At?.ToUniversalTime() is { } due && due > now)
        {
            await schedule.ScheduleAsync(request, due, ct);
            audit.Describe($"scheduled a callback to {number} in {queue.Name} at {due:O}");
            return AppResult<CallbackOrdered>.Ok(new CallbackOrdered(request.InteractionId.Value, "scheduled", queue.Id, number, due, CallbackAttributes.ModeName(mode)));
        }

        var result = await callbacks.RequestAsync(request, ct);
        if (!result.Queued)
        {
            return new AppError(AppErrorKind.Conflict, $"Routing refused the callback: {result.Refusal}.", result.Refusal);
        }

        audit.Describe($"queued a callback to {number} in {queue.Name}");
        return AppResult<CallbackOrdered>.Ok(new CallbackOrdered(request.InteractionId.Value, "waiting", queue.Id, number, null, CallbackAttributes.ModeName(mode)));
    }
}
