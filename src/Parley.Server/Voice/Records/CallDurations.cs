using Parley.Data.Entities.Voice;

namespace Parley.Server.Voice.Records;

/// <summary>
/// The durations of a closed call, from its timestamps (milliseconds, never negative; null when the phase did not
/// happen): IVR from the IVR's answer (or arrival) to leaving it; wait from queued to answered or ended; ring from the
/// (last) offer to answered or ended; talk from answered to ended minus hold; wrap-up from ended to wrap-up's end.
/// </summary>
internal static class CallDurations
{
    public static void Compute(CallRecordRow row)
    {
        if (row.EndedAt is not { } ended)
        {
            return;
        }

        row.IvrMs = row.AnsweredByIvrAt is not null || row.IvrExitAt is not null || row.FlowId is not null
            ? Between(row.AnsweredByIvrAt ?? row.ArrivedAt, row.IvrExitAt ?? row.QueuedAt ?? ended)
            : null;
        row.WaitMs = row.QueuedAt is { } queued ? Between(queued, row.AnsweredAt ?? ended) : null;
        row.RingMs = row.OfferedAt is { } offered ? Between(offered, row.AnsweredAt ?? ended) : null;
        row.TalkMs = row.AnsweredAt is { } answered ? Math.Max(0, Between(answered, ended) - row.HoldMs) : null;
        ComputeWrapUp(row);
    }

    public static void ComputeWrapUp(CallRecordRow row) =>
        row.WrapUpMs = row is { EndedAt: { } ended, WrapUpEndedAt: { } wrapped } ? Between(ended, wrapped) : null;

    public static void Compute(CallLegRow leg)
    {
        if (leg.EndedAt is not { } ended)
        {
            return;
        }

        leg.RingMs = Between(leg.RingingAt ?? leg.CreatedAt, leg.AnsweredAt ?? ended);
        leg.TalkMs = leg.AnsweredAt is { } answered ? Between(answered, ended) : null;
    }

    private static long Between(DateTimeOffset from, DateTimeOffset to) => Math.Max(0, (long)(to - from).TotalMilliseconds);
}
