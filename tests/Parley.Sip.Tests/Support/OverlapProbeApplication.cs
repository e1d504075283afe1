using System.Collections.Concurrent;
using Parley.Sip.Dialogs;
using Parley.Sip.Messages;
using Parley.Sip.Stack;

namespace Parley.Sip.Tests.Support;

/// <summary>
/// Answers every INVITE and counts, per Call-ID, how many of its requests were inside a handler at the same time
/// (each handler lingers a little so that overlaps, if the stack allowed them, would show).
/// </summary>
public sealed class OverlapProbeApplication : SipApplication
{
    private readonly ConcurrentDictionary<string, int> _inside = new(StringComparer.Ordinal);
    private int _maxOverlap;
    private int _invites;
    private int _ended;

    public int MaxOverlapWithinOneCall => Volatile.Read(ref _maxOverlap);

    public int Invites => Volatile.Read(ref _invites);

    public int Ended => Volatile.Read(ref _ended);

    public ConcurrentQueue<long> InfoCSeqs { get; } = new();

    public override ValueTask OnInviteAsync(SipIncomingCall call, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _invites);
        Linger(call.Request.CallId, () => call.Answer("v=0\r\n"u8.ToArray()));
        return ValueTask.CompletedTask;
    }

    public override ValueTask<int> OnDialogRequestAsync(SipDialog dialog, SipRequest request, CancellationToken cancellationToken)
    {
        Linger(dialog.CallId, () => InfoCSeqs.Enqueue(request.CSeq.Number));
        return ValueTask.FromResult(200);
    }

    public override ValueTask OnDialogTerminatedAsync(SipDialog dialog, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _ended);
        return ValueTask.CompletedTask;
    }

    private void Linger(string callId, Action work)
    {
        var now = _inside.AddOrUpdate(callId, 1, static (_, n) => n + 1);
        InterlockedMax(now);
        Thread.SpinWait(20_000);
        work();
        _inside.AddOrUpdate(callId, 0, static (_, n) => n - 1);
    }

    private void InterlockedMax(int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref _maxOverlap)) && Interlocked.CompareExchange(ref _maxOverlap, value, seen) != seen)
        {
        }
    }
}
