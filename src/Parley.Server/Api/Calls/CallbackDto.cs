using Parley.Server.Voice.Calls;

namespace Parley.Server.Api.Calls;

/// <summary>A waiting callback: its ACD interaction, queue, the number Parley will call, the call it was asked on, and since when it waits.</summary>
public sealed record CallbackDto(Guid InteractionId, Guid QueueId, string Number, Guid? CallId, DateTimeOffset WaitingSince)
{
    internal static CallbackDto From(PendingCallbackRow row) => new(row.InteractionId, row.QueueId, row.Number, row.CallId, row.WaitingSince);
}
