using System.Buffers.Binary;

namespace Parley.Voice.Recording;

/// <summary>
/// Whether a call is recorded. <c>Parley:Calls:Record</c> is the platform's switch: off, nothing is recorded. On, a
/// flow's <c>record</c> block decides for its call when it ran; otherwise the queue's policy does (all, none, or a
/// percentage of calls, chosen by the call id so the same call always gets the same answer); a call that never
/// waited in a queue (a flow's transfer to a number) is recorded.
/// </summary>
public static class RecordingPolicy
{
    public static bool ShouldRecord(bool platformEnabled, bool? flowChoice, int? queuePercent, Guid callId)
    {
        if (!platformEnabled)
        {
            return false;
        }

        if (flowChoice is { } chosen)
        {
            return chosen;
        }

        return queuePercent switch
        {
            null or >= 100 => true,
            <= 0 => false,
            { } percent => Bucket(callId) < percent,
        };
    }

    /// <summary>0..99 from the random tail of the id (a version-7 id starts with its time).</summary>
    public static int Bucket(Guid callId)
    {
        Span<byte> bytes = stackalloc byte[16];
        callId.TryWriteBytes(bytes);
        return (int)(BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]) % 100);
    }
}
