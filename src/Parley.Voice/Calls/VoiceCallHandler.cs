using Parley.Sip.Dialogs;
using Parley.Sip.Messages;
using Parley.Sip.Stack;

namespace Parley.Voice.Calls;

/// <summary>
/// Handles the calls to one called user (the user part of the Request-URI). <see cref="VoiceRouter"/> picks the handler
/// for an INVITE and keeps sending that dialog's later requests to it. Call control (queues, agents, IVR) adds handlers.
/// </summary>
public abstract class VoiceCallHandler
{
    /// <summary>
    /// Whether anyone may call this handler without digest authentication (the echo test). Default false: <see cref="VoiceRouter"/>
    /// challenges the caller before the handler sees the call.
    /// </summary>
    public virtual bool IsPublic => false;

    /// <summary>Whether this handler takes calls to <paramref name="calledUser"/> (case-insensitive by convention).</summary>
    public abstract bool Handles(string calledUser);

    /// <summary>Decides a new call: answer (return the dialog), reject (return null) or ring and answer later.</summary>
    public abstract ValueTask<SipDialog?> OnInviteAsync(SipIncomingCall call, CancellationToken cancellationToken);

    /// <summary>A re-INVITE in one of this handler's dialogs: the new SDP answer, or null to keep the current one.</summary>
    public virtual ValueTask<ReadOnlyMemory<byte>?> OnReInviteAsync(SipDialog dialog, SipRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ReadOnlyMemory<byte>?>(null);

    /// <summary>INFO, UPDATE, NOTIFY, REFER or MESSAGE in one of this handler's dialogs: the status to answer.</summary>
    public virtual ValueTask<int> OnDialogRequestAsync(SipDialog dialog, SipRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ValueTask.FromResult(request.Method == SipMethods.Refer ? 603 : 200);
    }

    /// <summary>The dialog ended (BYE either way, no ACK).</summary>
    public virtual ValueTask OnDialogTerminatedAsync(SipDialog dialog, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
