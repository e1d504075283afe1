using System.Globalization;
using Parley.Sip.Messages;
using Parley.Sip.Transport;

namespace Parley.Sip.Stack;

/// <summary>
/// UAC side of RFC 3262 for one INVITE: PRACKs each new reliable provisional response once, in RSeq order per
/// early dialog (retransmissions and gaps are ignored, §4), and counts the CSeq numbers the PRACKs use so the
/// dialog's next request goes above them.
/// </summary>
internal sealed class SipPrackSender(SipStack stack, SipRequest invite, ISipFlow flow)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _lastRSeqByTag = new(StringComparer.Ordinal);
    private long _cseq = invite.CSeq.Number;

    /// <summary>The highest CSeq used so far (the INVITE's or the last PRACK's).</summary>
    public long LastCSeq
    {
        get
        {
            lock (_lock)
            {
                return _cseq;
            }
        }
    }

    public void OnProvisional(SipResponse response)
    {
        if (response.StatusCode <= 100 || response.To.Tag is not { } tag
            || !response.Require.Contains(SipStack.ReliableOption, StringComparer.OrdinalIgnoreCase)
            || !long.TryParse(response.Headers.GetValue(SipHeaderKind.RSeq), NumberStyles.None, CultureInfo.InvariantCulture, out var rseq))
        {
            return;
        }

        long cseq;
        lock (_lock)
        {
            if (_lastRSeqByTag.TryGetValue(tag, out var last) && rseq != last + 1)
            {
                return;
            }

            _lastRSeqByTag[tag] = rseq;
            cseq = ++_cseq;
        }

        stack.SendPrack(invite, response, flow, rseq, cseq);
    }
}
