using System.Diagnostics.CodeAnalysis;
using Parley.Sip.Messages;
using Parley.Sip.Transport;

namespace Parley.Sip.Transactions;

/// <summary>Common state of client and server transactions.</summary>
public abstract class SipTransaction
{
    private SipRequest? _request;

    private protected SipTransaction(SipTransactionLayer layer, string key, SipRequest request, ISipFlow flow)
    {
        Layer = layer;
        Key = key;
        _request = request;
        Flow = flow;
    }

    public string Key { get; }

    /// <summary>
    /// The request that created the transaction. A server transaction lets go of it once its final response is sent
    /// (it then only absorbs retransmissions for up to 64*T1, from its key and the response bytes); reading it
    /// afterwards throws <see cref="InvalidOperationException"/>.
    /// </summary>
    public SipRequest Request => _request ?? ThrowReleased();

    public ISipFlow Flow { get; }

    public SipTransactionState State { get; private protected set; }

    private protected SipTransactionLayer Layer { get; }

    private protected Lock Sync { get; } = new();

    private protected SipTimerOptions Timers => Layer.Timers;

    private protected SipTimer Schedule(TimeSpan delay, Action<object?> callback) => Layer.Scheduler.Schedule(delay, callback, this);

    private protected void Send(SipMessage message) => Layer.Send(Flow, message);

    private protected void Send(byte[] bytes) => _ = Flow.SendAsync(bytes);

    /// <summary>Drops the parsed request so that a finished call costs only a key and a few bytes until its timer ends.</summary>
    private protected void ReleaseRequest() => _request = null;

    private protected void Terminate()
    {
        State = SipTransactionState.Terminated;
        Layer.Remove(this);
    }

    [DoesNotReturn]
    private static SipRequest ThrowReleased() =>
        throw new InvalidOperationException("The transaction has sent its final response and no longer holds its request.");

    /// <summary>Doubles an interval, capped at T2 (timers A, E, G).</summary>
    private protected TimeSpan Backoff(TimeSpan interval) => interval * 2 < Timers.T2 ? interval * 2 : Timers.T2;
}
