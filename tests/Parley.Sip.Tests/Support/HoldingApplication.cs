using Parley.Sip.Stack;

namespace Parley.Sip.Tests.Support;

/// <summary>Keeps incoming calls ringing so tests can cancel or answer them later.</summary>
public sealed class HoldingApplication : SipApplication
{
    public List<SipIncomingCall> Calls { get; } = [];

    public override ValueTask OnInviteAsync(SipIncomingCall call, CancellationToken cancellationToken)
    {
        Calls.Add(call);
        call.Ring();
        return ValueTask.CompletedTask;
    }
}
