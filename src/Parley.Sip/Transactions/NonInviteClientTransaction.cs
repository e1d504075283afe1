using Parley.Sip.Messages;
using Parley.Sip.Transport;

namespace Parley.Sip.Transactions;

/// <summary>RFC 3261 §17.1.2: timer E retransmits (unreliable) up to T2, timer F times out, timer K absorbs late finals.</summary>
public sealed class NonInviteClientTransaction : SipClientTransaction
{
    private SipTimer? _timerE;
    private SipTimer? _timerF;
    private TimeSpan _eInterval;

    internal NonInviteClientTransaction(SipTransactionLayer layer, string key, SipRequest request, ISipFlow flow, Action<SipClientTransaction, SipResponse> onResponse)
        : base(layer, key, request, flow, onResponse)
    {
        State = SipTransactionState.Trying;
    }

    internal override void Start()
    {
        lock (Sync)
        {
            Send(RequestBytes);
            if (!Flow.IsReliable)
            {
                _eInterval = Timers.T1;
                _timerE = Schedule(_eInterval, static s => ((NonInviteClientTransaction)s!).OnTimerE());
            }

            _timerF = Schedule(Timers.TimeoutInterval, static s => ((NonInviteClientTransaction)s!).OnTimerF());
        }
    }

    internal override void OnResponse(SipResponse response)
    {
        lock (Sync)
        {
            if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
            {
                return;
            }

            if (response.StatusCode < 200)
            {
                State = SipTransactionState.Proceeding;
            }
            else
            {
                _timerE?.Cancel();
                _timerF?.Cancel();
                State = SipTransactionState.Completed;
                Schedule(Flow.IsReliable ? TimeSpan.Zero : Timers.T4, static s => ((NonInviteClientTransaction)s!).OnTimerK());
            }
        }

        Deliver(response);
    }

    private void OnTimerE()
    {
        lock (Sync)
        {
            if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
            {
                return;
            }

            Send(RequestBytes);
            _eInterval = State == SipTransactionState.Proceeding ? Timers.T2 : Backoff(_eInterval);
            _timerE = Schedule(_eInterval, static s => ((NonInviteClientTransaction)s!).OnTimerE());
        }
    }

    private void OnTimerF()
    {
        lock (Sync)
        {
            if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
            {
                return;
            }

            _timerE?.Cancel();
            Terminate();
        }

        DeliverTimeout();
    }

    private void OnTimerK()
    {
        lock (Sync)
        {
            Terminate();
        }
    }
}
