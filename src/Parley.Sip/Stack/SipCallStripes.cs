namespace Parley.Sip.Stack;

/// <summary>
/// Serialises the processing of messages of one call (same Call-ID) when several receive threads (UDP) or connections
/// (TCP/TLS) deliver at once: transaction matching, dialog updates and the synchronous part of the handlers of one
/// call never interleave, as with a single receive loop, while different calls run in parallel. Fixed lock stripes
/// keyed by the Call-ID hash: no allocation, no per-call entry to clean up.
/// </summary>
internal sealed class SipCallStripes
{
    private readonly Lock[] _stripes;

    public SipCallStripes(int count = 64)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _stripes = new Lock[count];
        for (var i = 0; i < count; i++)
        {
            _stripes[i] = new Lock();
        }
    }

    public Lock For(string callId) => _stripes[(uint)string.GetHashCode(callId, StringComparison.Ordinal) % (uint)_stripes.Length];
}
