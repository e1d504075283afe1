using Parley.Sip.Messages;
using Parley.Sip.Transport;

namespace Parley.Sip.Transactions;

/// <summary>RFC 3261 §17.2.2: Trying, Proceeding, Completed (timer J), retransmissions answered from memory.</summary>
public sealed class NonInviteServerTransaction : SipServerTransaction
{
    private byte[]? _lastBytes;

    internal NonInviteServerTransaction(SipTransactionLayer layer, string key, SipRequest request, ISipFlow flow)
        : base(layer, key, request, flow)
    {
        State = SipTransactionState.Trying;
    }

    public override void SendResponse(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        lock (Sync)
        {
            if (State is SipTransactionState.Completed or SipTransactionState.Terminated)
            {
                return;
            }

            _lastBytes = response.ToBytes();
            Send(_lastBytes);
            if (response.StatusCode < 200)
            {
                LastResponse = response;
                State = SipTransactionState.Proceeding;
                return;
            }

            State = SipTransactionState.Completed;
            ReleaseMessages();
            Schedule(Flow.IsReliable ? TimeSpan.Zero : Timers.TimeoutInterval, static s => ((NonInviteServerTransaction)s!).OnTimerJ());
        }
    }

    internal override void OnRetransmission(SipRequest request)
    {
        lock (Sync)
        {
            if (State is SipTransactionState.Proceeding or SipTransactionState.Completed && _lastBytes is not null)
            {
                Send(_lastBytes);
            }
        }
    }

    private void OnTimerJ()
    {
        lock (Sync)
        {
            Terminate();
        }
    }
}
