using Parley.Sip.Auth;
using Parley.Sip.Dialogs;
using Parley.Sip.Stack;
using Parley.Voice.Calls;

namespace Parley.Voice.Tests.Support;

/// <summary>A non-public handler for one user: remembers who called (the authenticated caller) and answers 486.</summary>
internal sealed class RecordingHandler(string user) : VoiceCallHandler
{
    public List<SipCaller?> Callers { get; } = [];

    public override bool Handles(string calledUser) => string.Equals(calledUser, user, StringComparison.OrdinalIgnoreCase);

    public override ValueTask<SipDialog?> OnInviteAsync(SipIncomingCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        lock (Callers)
        {
            Callers.Add(call.Caller);
        }

        call.Reject(486);
        return ValueTask.FromResult<SipDialog?>(null);
    }
}
