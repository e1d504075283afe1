using Parley.Sip.Messages;
using Parley.Sip.Transport;

namespace Parley.Sip.Transactions;

/// <summary>Common state of client and server transactions.</summary>
public abstract class SipTransaction
{
    private protected SipTransaction(SipTransactionLayer layer, string key, SipRequest request, ISipFlow flow)
    {
        Layer = layer;
        Key = key;
        Request = request;
        Flow = flow;
    }

    public string Key { get; }

    /// <summary>The request that created the transaction.</summary>
    public SipRequest Request { get; }

    public ISipFlow Flow { get; }

    public SipTransactionState State { get; private protected set; }

    private protected SipTransactionLayer Layer { get; }

    private protected Lock Sync { get; } = new();

    private protected SipTimerOptions Timers => Layer.Timers;

    private protected SipTimer Schedule(TimeSpan delay, Action<object?> callback) => Layer.Scheduler.Schedule(delay, callback, this);

    private protected void Send(SipMessage message) => Layer.Send(Flow, message);

    private protected void Send(byte[] bytes) => _ = Flow.SendAsync(bytes);

    private protected void Terminate()
    {
        State = SipTransactionState.Terminated;
        Layer.Remove(this);
    }

    /// <summary>Doubles an interval, capped at T2 (timers A, E, G).</summary>
    private protected TimeSpan Backoff(TimeSpan interval) => interval * 2 < Timers.T2 ? interval * 2 : Timers.T2;
}
