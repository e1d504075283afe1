namespace Parley.Sip.Admission;

/// <summary>
/// Remembers refused INVITE transactions (by transaction key) for a while in a fixed number of slots (a direct-mapped
/// cache: a newer key may push out an older one). A retransmitted INVITE whose 503 was lost is refused again from here,
/// so it neither takes a token nor can slip in later as a second attempt. Bounded memory under any flood.
/// </summary>
internal sealed class SipRefusedInvites(int slots, TimeSpan memory, TimeProvider time)
{
    private readonly Entry?[] _slots = new Entry?[slots];
    private readonly long _memoryTicks = (long)(memory.TotalSeconds * time.TimestampFrequency);

    public void Remember(string key) =>
        Volatile.Write(ref _slots[Slot(key)], new Entry(key, time.GetTimestamp() + _memoryTicks));

    public bool Contains(string key) =>
        Volatile.Read(ref _slots[Slot(key)]) is { } entry && entry.ExpiresAt > time.GetTimestamp() && string.Equals(entry.Key, key, StringComparison.Ordinal);

    private int Slot(string key) => (int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_slots.Length);

    private sealed record Entry(string Key, long ExpiresAt);
}
