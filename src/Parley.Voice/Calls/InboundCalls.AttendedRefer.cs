using Parley.Sip.Dialogs;
using Parley.Sip.Messages;
using Parley.Voice.Calls.Control;

namespace Parley.Voice.Calls;

public sealed partial class InboundCalls
{
    /// <summary>
    /// Attended transfer from an agent's phone (RFC 5589 §7): REFER on the customer's call whose <c>Refer-To</c> carries
    /// <c>Replaces=</c> naming the consultation the same phone placed through Parley (a call to a number of the tenant that
    /// an agent answered). Parley is both the transferee and the transfer target, so it answers 202 and checks the named
    /// dialog as a target checks an INVITE with Replaces (RFC 3891 §3); what that INVITE would have been answered is the
    /// final NOTIFY's sipfrag (RFC 3515): no such dialog of Parley's (the phone called the target directly, or the
    /// consultation ended) or another tenant's 481, another phone's dialog 403 (not authorised to replace it), an ended one
    /// 603, one whose ACK has not arrived 481 (an early dialog Parley did not initiate), <c>early-only</c> 486 (Parley's
    /// dialog is confirmed), a consultation not talking to an agent 603. Carried out, it is the API's consult complete:
    /// <see cref="InboundCall"/> <c>CompleteConsultationFromPhoneAsync</c>.
    /// </summary>
    private int ReferWithReplaces(SipDialog dialog, InboundCall call, AgentLeg leg, SipReplaces replaces)
    {
        var (consultation, status, reason) = FindConsultation(dialog, call, replaces);
        if (consultation is null)
        {
            return RefuseReplaces(dialog, call.Id, leg.AgentId, replaces, status, reason);
        }

        var done = new TaskCompletionSource<CallControlResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        call.Post(new CallSignal.ReplaceWithConsultation(consultation, leg.AgentId, done));
        _ = NotifyRefusedAsync(dialog, done.Task);
        _ = ReportPhoneActionAsync(call, leg.AgentId, new CallCommand.CompleteConsult(), done.Task);
        return 202;
    }

    /// <summary>
    /// The same transfer asked the other way round (a transferor may REFER either party): REFER on the call
    /// the phone placed through Parley, <c>Replaces</c> naming the phone's agent leg of the customer's call. Checked and
    /// carried out as <see cref="ReferWithReplaces"/>; the NOTIFY goes on this dialog. Without Replaces 603, as before.
    /// </summary>
    private int ReferOnConsultation(SipDialog dialog, InboundCall consultation, SipRequest request)
    {
        if (request.Headers.GetValue(SipHeaderKind.ReferTo) is not { } referTo || !SipReplaces.TryFindInReferTo(referTo, out var replaces))
        {
            return 603;
        }

        if (replaces is null)
        {
            return 400;
        }

        var matches = _agents.Where(a => replaces.Names(a.Key)).Take(2).ToList();
        var (status, reason) = matches.Count != 1
            ? (481, "no dialog of Parley's matches (not an agent leg of a call on this node, or it ended)")
            : Check(dialog, consultation, matches[0].Key, matches[0].Value.Call, replaces);
        if (status != 202)
        {
            return RefuseReplaces(dialog, consultation.Id, matches.Count == 1 ? matches[0].Value.Leg.AgentId : Guid.Empty, replaces, status, reason);
        }

        var (call, leg) = matches[0].Value;
        var done = new TaskCompletionSource<CallControlResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        call.Post(new CallSignal.ReplaceWithConsultation(consultation, leg.AgentId, done, ReferredOnConsultation: true));
        _ = NotifyRefusedAsync(dialog, done.Task);
        _ = ReportPhoneActionAsync(call, leg.AgentId, new CallCommand.CompleteConsult(), done.Task);
        return 202;
    }

    /// <summary>The call of this node whose caller's dialog <paramref name="replaces"/> names, or the sipfrag status and why not.</summary>
    private (InboundCall? Consultation, int Status, string Reason) FindConsultation(SipDialog referDialog, InboundCall call, SipReplaces replaces)
    {
        var matches = _callers.Where(c => replaces.Names(c.Key)).Take(2).ToList();
        if (matches.Count != 1)
        {
            // RFC 3891 §3: more than one match is treated as none.
            return (null, 481, "no dialog of Parley's matches (the phone called the target directly, or the consultation ended)");
        }

        var (replaced, consultation) = matches[0];
        var (status, reason) = Check(referDialog, call, replaced, consultation, replaces);
        return (status == 202 ? consultation : null, status, reason);
    }

    /// <summary>
    /// What an INVITE with Replaces naming <paramref name="replaced"/> (of <paramref name="replacedCall"/>) would be answered
    /// when it stands for <paramref name="referDialog"/>'s phone (RFC 3891 §3); 202: go ahead.
    /// </summary>
    private static (int Status, string Reason) Check(SipDialog referDialog, InboundCall referCall, SipDialog replaced, InboundCall replacedCall, SipReplaces replaces)
    {
        if (replacedCall.TenantId != referCall.TenantId)
        {
            // Another tenant's dialog is answered as if it did not exist: nothing about it leaks.
            return (481, "the dialog belongs to another tenant");
        }

        if (replacedCall == referCall || !SamePhone(referDialog, replaced))
        {
            // Checked before the dialog's state, so nothing about another phone's call is told.
            return (403, "the dialog is not one of the same phone's calls");
        }

        if (replaced.State == SipDialogState.Terminated)
        {
            return (603, "the dialog has ended");
        }

        if (replaced.State == SipDialogState.Early)
        {
            return (481, "the dialog is not confirmed yet (no ACK): an early dialog Parley did not initiate");
        }

        return replaces.EarlyOnly ? (486, "early-only, and the dialog is confirmed") : (202, string.Empty);
    }

    /// <summary>Logs why, answers the REFER 202 and ends its subscription with the sipfrag <paramref name="status"/>.</summary>
    private int RefuseReplaces(SipDialog dialog, Guid callId, Guid agentId, SipReplaces replaces, int status, string reason)
    {
        CallLog.ReplacesRefused(_logger, callId, agentId, replaces.CallId, status, reason);
        _ = Task.Run(() => NotifyFinalAsync(dialog, status));
        return 202;
    }

    /// <summary>
    /// True when both dialogs are with the same phone: the same source address and the same Contact (host and port). A phone
    /// keeps its Contact for all its calls, over UDP as over TCP, while two phones behind one NAT differ in it.
    /// </summary>
    private static bool SamePhone(SipDialog a, SipDialog b)
    {
        static System.Net.IPAddress Address(SipDialog d) =>
            d.RemoteEndPoint.Address.IsIPv4MappedToIPv6 ? d.RemoteEndPoint.Address.MapToIPv4() : d.RemoteEndPoint.Address;

        return Address(a).Equals(Address(b))
            && SipUri.TryParse(a.RemoteTarget, out var first) && SipUri.TryParse(b.RemoteTarget, out var second)
            && string.Equals(first!.Host, second!.Host, StringComparison.OrdinalIgnoreCase)
            && (first.Port ?? 5060) == (second.Port ?? 5060);
    }

    /// <summary>The final NOTIFY of a REFER that was accepted and then refused (sipfrag <paramref name="status"/>).</summary>
    private static async Task NotifyFinalAsync(SipDialog dialog, int status)
    {
        try
        {
            await dialog.NotifyReferAsync(status, final: true).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            // The phone is gone: nobody to tell.
        }
    }
}
