using System.Globalization;
using Parley.Sip.Messages;
using Parley.Sip.Transactions;

namespace Parley.Sip.Stack;

/// <summary>Reliable provisional responses (RFC 3262) of one incoming call, UAS side.</summary>
public sealed partial class SipIncomingCall
{
    private readonly Lock _reliableLock = new();
    private long _nextRSeq = Random.Shared.NextInt64(1, 1L << 31);
    private long _unacknowledgedRSeq;
    private SipTimer? _reliableTimer;

    /// <summary>The caller listed 100rel in Require: every provisional except 100 must be sent reliably.</summary>
    public bool RequiresReliableProvisional => Request.Require.Contains(SipStack.ReliableOption, StringComparer.OrdinalIgnoreCase);

    /// <summary>A reliable provisional response went out and its PRACK has not arrived yet.</summary>
    public bool AwaitingPrack
    {
        get
        {
            lock (_reliableLock)
            {
                return _unacknowledgedRSeq != 0;
            }
        }
    }

    /// <summary>True when a PRACK with this RAck acknowledges the outstanding reliable provisional; stops its retransmission.</summary>
    internal bool Acknowledge(long rseq, long cseq)
    {
        lock (_reliableLock)
        {
            if (_unacknowledgedRSeq == 0 || rseq != _unacknowledgedRSeq || cseq != Request.CSeq.Number)
            {
                return false;
            }

            _unacknowledgedRSeq = 0;
            _reliableTimer?.Cancel();
            _reliableTimer = null;
            return true;
        }
    }

    internal void StopReliableProvisional()
    {
        lock (_reliableLock)
        {
            _reliableTimer?.Cancel();
            _reliableTimer = null;
        }
    }

    private void SendReliably(SipResponse provisional)
    {
        byte[]? bytes;
        lock (_reliableLock)
        {
            if (_unacknowledgedRSeq != 0)
            {
                return; // §3: one unacknowledged reliable provisional at a time; a repeated ring adds nothing
            }

            _unacknowledgedRSeq = _nextRSeq++;
            provisional.Headers.Add(SipHeaderKind.Require, SipStack.ReliableOption);
            provisional.Headers.Add(SipHeaderKind.RSeq, _unacknowledgedRSeq.ToString(CultureInfo.InvariantCulture));
            bytes = _transaction.SendAndReturnBytes(provisional);
            if (bytes is not null)
            {
                _reliableTimer = _stack.ScheduleReliableRetransmission(this, bytes, _stack.Options.Timers.T1, TimeSpan.Zero);
            }
        }
    }

    /// <summary>Called by the stack's timer: re-send, or give up after 64*T1 without PRACK (§3: reject with 5xx).</summary>
    internal void OnReliableTimer(byte[] bytes, TimeSpan interval, TimeSpan elapsed)
    {
        var total = elapsed + interval;
        lock (_reliableLock)
        {
            if (_reliableTimer is null || _unacknowledgedRSeq == 0 || Volatile.Read(ref _decided) != 0)
            {
                return;
            }

            if (total < _stack.Options.Timers.TimeoutInterval)
            {
                if (!_transaction.Flow.IsReliable)
                {
                    _ = _transaction.Flow.SendAsync(bytes);
                }

                var next = interval * 2 < _stack.Options.Timers.T2 ? interval * 2 : _stack.Options.Timers.T2;
                var left = _stack.Options.Timers.TimeoutInterval - total;
                _reliableTimer = _stack.ScheduleReliableRetransmission(this, bytes, next < left ? next : left, total);
                return;
            }

            _reliableTimer = null;
        }

        Reject(504, "No PRACK");
        Cancelled?.Invoke(this);
    }
}
