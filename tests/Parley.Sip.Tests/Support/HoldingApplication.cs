using Parley.Sip.Stack;

namespace Parley.Sip.Tests.Support;

/// <summary>Keeps incoming calls ringing so tests can cancel or answer them later.</summary>
public sealed class HoldingApplication : SipApplication
{
    public List<SipIncomingCall> Calls { get; } = [];

    public TaskCompletionSource<SipIncomingCall> FirstCall { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override ValueTask OnInviteAsync(SipIncomingCall call, CancellationToken cancellationToken)
    {
        Calls.Add(call);
        call.Ring();
        FirstCall.TrySetResult(call);
        return ValueTask.CompletedTask;
    }
}
