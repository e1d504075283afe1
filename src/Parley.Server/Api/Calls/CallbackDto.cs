using Parley.Data.Entities.Voice;
using Parley.Server.Voice.Calls;
using Parley.Voice.Calls.Outbound;

namespace Parley.Server.Api.Calls;

/// <summary>
/// A callback not done yet: its ACD interaction, queue, the number Parley will call, the call it was asked on (none
/// through the API), <see cref="Status"/> <c>waiting</c> (in its queue since <see cref="WaitingSince"/>) or
/// <c>scheduled</c> (joins it at <see cref="DueAt"/>), which attempt to reach the customer it is, and
/// <see cref="Mode"/> (<c>preview</c>: the agent first; <c>customerFirst</c>).
/// </summary>
public sealed record CallbackDto(
    Guid InteractionId, Guid QueueId, string Number, Guid? CallId, DateTimeOffset? WaitingSince, string Status = "waiting", DateTimeOffset? DueAt = null, int Attempt = 1,
    string Mode = "preview")
{
    internal static CallbackDto From(PendingCallbackRow row) =>
        new(row.InteractionId, row.QueueId, row.Number, row.CallId, row.WaitingSince, "waiting", null, row.Attempt, CallbackAttributes.ModeName(row.Mode));

    internal static CallbackDto From(ScheduledCallback row) => new(row.InteractionId, row.QueueId, row.Number, row.CallId, null, "scheduled", row.DueAt, row.Attempt, row.Mode);
}
