using Parley.Sip.Admission;
using Parley.Sip.Messages;
using Parley.Sip.Transport;

namespace Parley.Sip.Transactions;

/// <summary>
/// RFC 3261 §17.2.1 with RFC 6026: 100 Trying at once; 2xx moves to Accepted (timer L); 3xx–6xx to Completed with
/// timer G retransmissions (unreliable) and timer H; ACK moves to Confirmed (timer I).
/// </summary>
public sealed class InviteServerTransaction : SipServerTransaction
{
    private byte[]? _lastBytes;
    private SipTimer? _timerG;
    private TimeSpan _gInterval;
    private SipAdmissionLease? _admission;

    internal InviteServerTransaction(SipTransactionLayer layer, string key, SipRequest request, ISipFlow flow, SipAdmissionLease? admission = null)
        : base(layer, key, request, flow)
    {
        _admission = admission;
        State = SipTransactionState.Proceeding;
        SendResponse(SipMessageFactory.CreateResponse(request, 100));
    }

    /// <summary>Raised when timer H fires without an ACK.</summary>
    public event Action<InviteServerTransaction>? TimedOut;

    public override void SendResponse(SipResponse response) => SendAndReturnBytes(response);

    /// <summary>Hands the call's admission slot to its dialog (on the 2xx); null when there is none.</summary>
    internal SipAdmissionLease? TakeAdmission() => Interlocked.Exchange(ref _admission, null);

    /// <summary>The call did not become a dialog (3xx-6xx, timeout, end of the transaction): its admission slot is free.</summary>
    private void ReleaseAdmission() => TakeAdmission()?.Release();

    /// <summary>Sends like <see cref="SendResponse"/>; returns the bytes sent (the UAS core re-sends a 2xx from them), or null when nothing was sent.</summary>
    internal byte[]? SendAndReturnBytes(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        lock (Sync)
        {
            if (State is SipTransactionState.Terminated or SipTransactionState.Completed or SipTransactionState.Confirmed)
            {
                return null;
            }

            var bytes = response.ToBytes();
            Send(bytes);
            if (State == SipTransactionState.Accepted)
            {
                return bytes; // a 2xx retransmitted by the TU (RFC 6026 §7.1)
            }

            if (response.StatusCode < 200)
            {
                LastResponse = response;
                _lastBytes = bytes;
                return bytes;
            }

            ReleaseMessages();
            if (response.StatusCode < 300)
            {
                State = SipTransactionState.Accepted; // retransmitted INVITEs are absorbed from now on
                _lastBytes = null;
                Schedule(Timers.TimeoutInterval, static s => ((InviteServerTransaction)s!).OnTimerL());
                return bytes;
            }

            _lastBytes = bytes;
            State = SipTransactionState.Completed;
            ReleaseAdmission();
            if (!Flow.IsReliable)
            {
                _gInterval = Timers.T1;
                _timerG = Schedule(_gInterval, static s => ((InviteServerTransaction)s!).OnTimerG());
            }

            Schedule(Timers.TimeoutInterval, static s => ((InviteServerTransaction)s!).OnTimerH());
            return bytes;
        }
    }

    internal override void OnRetransmission(SipRequest request)
    {
        lock (Sync)
        {
            if (request.Method == SipMethods.Ack)
            {
                if (State == SipTransactionState.Completed)
                {
                    State = SipTransactionState.Confirmed;
                    _timerG?.Cancel();
                    Schedule(Flow.IsReliable ? TimeSpan.Zero : Timers.T4, static s => ((InviteServerTransaction)s!).OnTimerI());
                }

                return;
            }

            if (State is SipTransactionState.Proceeding or SipTransactionState.Completed && _lastBytes is not null)
            {
                Send(_lastBytes);
            }
        }
    }

    private void OnTimerG()
    {
        lock (Sync)
        {
            if (State != SipTransactionState.Completed)
            {
                return;
            }

            Send(_lastBytes!);
            _gInterval = Backoff(_gInterval);
            _timerG = Schedule(_gInterval, static s => ((InviteServerTransaction)s!).OnTimerG());
        }
    }

    private void OnTimerH()
    {
        lock (Sync)
        {
            if (State != SipTransactionState.Completed)
            {
                return;
            }

            _timerG?.Cancel();
            Terminate();
        }

        ReleaseAdmission();

        TimedOut?.Invoke(this);
    }

    private void OnTimerI()
    {
        lock (Sync)
        {
            Terminate();
        }

        ReleaseAdmission();
    }

    private void OnTimerL()
    {
        lock (Sync)
        {
            Terminate();
        }

        ReleaseAdmission();
    }
}
