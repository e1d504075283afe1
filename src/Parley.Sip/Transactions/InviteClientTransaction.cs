using Parley.Sip.Messages;
using Parley.Sip.Transport;

namespace Parley.Sip.Transactions;

/// <summary>
/// RFC 3261 §17.1.1 with RFC 6026: timer A retransmits (unreliable), timer B times out, 2xx moves to Accepted
/// (timer M, every 2xx passed up), 3xx–6xx are ACKed here and move to Completed (timer D).
/// </summary>
public sealed class InviteClientTransaction : SipClientTransaction
{
    private SipTimer? _timerA;
    private SipTimer? _timerB;
    private TimeSpan _aInterval;
    private byte[]? _ackBytes;

    internal InviteClientTransaction(SipTransactionLayer layer, string key, SipRequest request, ISipFlow flow, Action<SipClientTransaction, SipResponse> onResponse)
        : base(layer, key, request, flow, onResponse)
    {
        State = SipTransactionState.Calling;
    }

    internal override void Start()
    {
        lock (Sync)
        {
            Send(RequestBytes);
            if (!Flow.IsReliable)
            {
                _aInterval = Timers.T1;
                _timerA = Schedule(_aInterval, static s => ((InviteClientTransaction)s!).OnTimerA());
            }

            _timerB = Schedule(Timers.TimeoutInterval, static s => ((InviteClientTransaction)s!).OnTimerB());
        }
    }

    internal override void OnResponse(SipResponse response)
    {
        var deliver = false;
        lock (Sync)
        {
            switch (State)
            {
                case SipTransactionState.Calling or SipTransactionState.Proceeding:
                    _timerA?.Cancel();
                    if (response.StatusCode < 200)
                    {
                        State = SipTransactionState.Proceeding;
                    }
                    else if (response.StatusCode < 300)
                    {
                        _timerB?.Cancel();
                        State = SipTransactionState.Accepted;
                        Schedule(Timers.TimeoutInterval, static s => ((InviteClientTransaction)s!).OnTimerEnd());
                    }
                    else
                    {
                        _timerB?.Cancel();
                        State = SipTransactionState.Completed;
                        _ackBytes = SipMessageFactory.CreateNon2xxAck(Request, response).ToBytes();
                        Send(_ackBytes);
                        Schedule(Flow.IsReliable ? TimeSpan.Zero : TimeSpan.FromSeconds(32), static s => ((InviteClientTransaction)s!).OnTimerEnd());
                    }

                    deliver = true;
                    break;
                case SipTransactionState.Accepted:
                    deliver = response.StatusCode is >= 200 and < 300;
                    break;
                case SipTransactionState.Completed:
                    if (response.StatusCode >= 300 && _ackBytes is not null)
                    {
                        Send(_ackBytes);
                    }

                    break;
                default:
                    break;
            }
        }

        if (deliver)
        {
            Deliver(response);
        }
    }

    private void OnTimerA()
    {
        lock (Sync)
        {
            if (State != SipTransactionState.Calling)
            {
                return;
            }

            Send(RequestBytes);
            _aInterval *= 2;
            _timerA = Schedule(_aInterval, static s => ((InviteClientTransaction)s!).OnTimerA());
        }
    }

    private void OnTimerB()
    {
        lock (Sync)
        {
            if (State is not (SipTransactionState.Calling or SipTransactionState.Proceeding))
            {
                return;
            }

            _timerA?.Cancel();
            Terminate();
        }

        DeliverTimeout();
    }

    private void OnTimerEnd()
    {
        lock (Sync)
        {
            Terminate();
        }
    }
}
