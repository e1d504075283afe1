using Parley.Sip.Dialogs;
using Parley.Sip.Messages;

namespace Parley.Sip.Stack;

/// <summary>
/// What the host decides. Override what you need; defaults: INVITE rejected with 480, in-dialog INFO/UPDATE/NOTIFY
/// answered 200, REFER declined (603), BYE just acknowledged.
/// </summary>
public abstract class SipApplication
{
    /// <summary>A new call. Call <see cref="SipIncomingCall.Ring"/>, <see cref="SipIncomingCall.Answer"/> or <see cref="SipIncomingCall.Reject"/>.</summary>
    public virtual ValueTask OnInviteAsync(SipIncomingCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        call.Reject(480);
        return ValueTask.CompletedTask;
    }

    /// <summary>A re-INVITE (hold, resume, codec change). Return the SDP answer, or null to keep the current local SDP.</summary>
    public virtual ValueTask<ReadOnlyMemory<byte>?> OnReInviteAsync(SipDialog dialog, SipRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ReadOnlyMemory<byte>?>(null);

    /// <summary>INFO, UPDATE, NOTIFY, REFER or MESSAGE inside a dialog. Return the status code to answer.</summary>
    public virtual ValueTask<int> OnDialogRequestAsync(SipDialog dialog, SipRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ValueTask.FromResult(request.Method == SipMethods.Refer ? 603 : 200);
    }

    /// <summary>The peer hung up (BYE) or the dialog died (no ACK, CANCEL).</summary>
    public virtual ValueTask OnDialogTerminatedAsync(SipDialog dialog, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
