using Parley.Sip.Dialogs;
using Parley.Sip.Stack;

namespace Parley.Bench.Sip;

/// <summary>Answers every INVITE with the given SDP and counts calls; used by <see cref="SipUasCommand"/>.</summary>
internal sealed class SipAnsweringApplication(byte[] sdp) : SipApplication
{
    private long _invites;
    private long _byes;

    public long Invites => Interlocked.Read(ref _invites);

    public long Byes => Interlocked.Read(ref _byes);

    public override ValueTask OnInviteAsync(SipIncomingCall call, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _invites);
        call.Answer(sdp);
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnDialogTerminatedAsync(SipDialog dialog, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _byes);
        return ValueTask.CompletedTask;
    }
}
