using Parley.Sip.Dialogs;
using Parley.Sip.Logging;
using Parley.Sip.Messages;
using Parley.Sip.Parsing;
using Parley.Sip.Transactions;

namespace Parley.Sip.Stack;

public sealed partial class SipStack
{
    private const string AllowValue = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE, REFER, NOTIFY, PRACK, REGISTER";

    private Action<InviteServerTransaction>? _forgetTimedOutCall;

    internal void ForgetPendingCall(string transactionKey) => _pendingCalls.TryRemove(transactionKey, out _);

    internal SipDialog AnswerInvite(InviteServerTransaction transaction, string localTag, ReadOnlyMemory<byte> sdp)
    {
        var request = transaction.Request;
        var response = CreateResponse(request, 200, localTag, transaction.Flow);
        response.Headers.Add(SipHeaderKind.Allow, AllowValue);
        if (!sdp.IsEmpty)
        {
            response.Headers.Add(SipHeaderKind.ContentType, "application/sdp");
            response.Body = sdp;
        }

        var routeSet = new List<string>();
        foreach (var h in request.Headers)
        {
            if (h.Kind == SipHeaderKind.RecordRoute)
            {
                routeSet.Add(h.Value);
                response.Headers.Add(h);
            }
        }

        var remoteTarget = request.Contacts.Count > 0 ? request.Contacts[0].Uri.ToString() : request.From.Uri.ToString();
        var dialog = new SipDialog(this, isUac: false, request.CallId, localTag, request.From.Tag ?? string.Empty,
            response.Headers.GetValue(SipHeaderKind.To)!, request.Headers.GetValue(SipHeaderKind.From)!, remoteTarget, routeSet,
            localCSeq: 0, remoteCSeq: request.CSeq.Number, transaction.Flow)
        {
            LocalSdp = sdp,
            RemoteSdp = request.Body,
        };
        dialog.PeerAllowsUpdate = request.Allow.Contains(SipMethods.Update, StringComparer.OrdinalIgnoreCase);
        ApplySessionTimerAsUas(dialog, request, response);
        dialog.Admission = transaction.TakeAdmission();
        _dialogs[dialog.Id] = dialog;
        _pendingCalls.TryRemove(transaction.Key, out _);
        var sent = transaction.SendAndReturnBytes(response);
        if (!transaction.Flow.IsReliable)
        {
            Retransmit2xx(dialog, sent ?? response.ToBytes(), Options.Timers.T1, TimeSpan.Zero);
        }

        return dialog;
    }

    /// <summary>RFC 3261 §13.3.1.4: the UAS core re-sends the 2xx until the ACK, and gives up after 64*T1 with a BYE.</summary>
    private void Retransmit2xx(SipDialog dialog, byte[] bytes, TimeSpan interval, TimeSpan elapsed)
    {
        dialog.RetransmitTimer = _scheduler.Schedule(interval, _ =>
        {
            if (dialog.State != SipDialogState.Early)
            {
                return;
            }

            var total = elapsed + interval;
            if (total >= Options.Timers.TimeoutInterval)
            {
                _ = dialog.ByeAsync();
                return;
            }

            _ = dialog.Flow.SendAsync(bytes);
            var next = interval * 2 < Options.Timers.T2 ? interval * 2 : Options.Timers.T2;
            var left = Options.Timers.TimeoutInterval - total;
            Retransmit2xx(dialog, bytes, next < left ? next : left, total);
        }, null);
    }

    private async Task HandleRequestAsync(SipRequest request, SipServerTransaction transaction)
    {
        try
        {
            var reason = _validator.Validate(request, out var unsupported);
            if (reason is { } r)
            {
                var reject = CreateResponse(request, r.ToStatusCode(), SipMessageFactory.NewTag(), transaction.Flow);
                if (r == SipRejectionReason.BadExtension)
                {
                    reject.Headers.Add(SipHeaderKind.Unsupported, string.Join(", ", unsupported));
                }
                else if (r == SipRejectionReason.NotImplemented)
                {
                    reject.Headers.Add(SipHeaderKind.Allow, AllowValue);
                }

                transaction.SendResponse(reject);
                return;
            }

            switch (request.Method)
            {
                case SipMethods.Invite:
                    await HandleInviteAsync(request, (InviteServerTransaction)transaction).ConfigureAwait(false);
                    break;
                case SipMethods.Cancel:
                    HandleCancel(request, transaction);
                    break;
                case SipMethods.Options:
                    transaction.SendResponse(AnswerOptions(request, transaction.Flow));
                    break;
                case SipMethods.Register when Registrar is not null:
                    transaction.SendResponse(await Registrar.HandleAsync(request, transaction.Flow, _stopping.Token).ConfigureAwait(false));
                    break;
                case SipMethods.Bye:
                    await HandleByeAsync(request, transaction).ConfigureAwait(false);
                    break;
                case SipMethods.Prack:
                    HandlePrack(request, transaction);
                    break;
                case SipMethods.Info or SipMethods.Update or SipMethods.Notify or SipMethods.Refer:
                    await HandleInDialogAsync(request, transaction).ConfigureAwait(false);
                    break;
                default:
                    var notAllowed = CreateResponse(request, 405, SipMessageFactory.NewTag(), transaction.Flow);
                    notAllowed.Headers.Add(SipHeaderKind.Allow, AllowValue);
                    transaction.SendResponse(notAllowed);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            SipLog.HandlerFailed(_logger, request.Method, request.CallId, ex);
            transaction.SendResponse(CreateResponse(request, 500, SipMessageFactory.NewTag(), transaction.Flow));
        }
    }

    private async Task HandleInviteAsync(SipRequest request, InviteServerTransaction transaction)
    {
        if (RejectBriefSession(request, transaction.Flow) is { } tooBrief)
        {
            transaction.SendResponse(tooBrief);
            return;
        }

        if (request.To.Tag is { } toTag)
        {
            if (!_dialogs.TryGetValue(SipDialog.Key(request.CallId, toTag, request.From.Tag ?? string.Empty), out var dialog))
            {
                transaction.SendResponse(CreateResponse(request, 481, null, transaction.Flow));
                return;
            }

            dialog.RemoteCSeq = request.CSeq.Number;
            dialog.UpdateTarget(request);
            var answer = await _application.OnReInviteAsync(dialog, request, _stopping.Token).ConfigureAwait(false);
            dialog.LocalSdp = answer ?? dialog.LocalSdp;
            if (!request.Body.IsEmpty)
            {
                dialog.RemoteSdp = request.Body;
            }

            var ok = CreateResponse(request, 200, null, transaction.Flow);
            ok.Headers.Add(SipHeaderKind.ContentType, "application/sdp");
            ok.Body = dialog.LocalSdp;
            ApplySessionTimerAsUas(dialog, request, ok);
            transaction.SendResponse(ok);
            return;
        }

        var call = new SipIncomingCall(this, transaction);
        _pendingCalls[transaction.Key] = call;
        transaction.TimedOut += _forgetTimedOutCall ??= t => _pendingCalls.TryRemove(t.Key, out _);
        await _application.OnInviteAsync(call, _stopping.Token).ConfigureAwait(false);
    }

    private void HandleCancel(SipRequest cancel, SipServerTransaction transaction)
    {
        var invite = _transactions.FindInviteFor(cancel);
        if (invite is null)
        {
            transaction.SendResponse(CreateResponse(cancel, 481, SipMessageFactory.NewTag(), transaction.Flow));
            return;
        }

        transaction.SendResponse(CreateResponse(cancel, 200, SipMessageFactory.NewTag(), transaction.Flow));
        if (_pendingCalls.TryRemove(invite.Key, out var call))
        {
            call.Cancel();
        }
    }

    private async Task HandleByeAsync(SipRequest bye, SipServerTransaction transaction)
    {
        var dialog = FindDialog(bye);
        if (dialog is null)
        {
            transaction.SendResponse(CreateResponse(bye, 481, null, transaction.Flow));
            return;
        }

        transaction.SendResponse(CreateResponse(bye, 200, null, transaction.Flow));
        _dialogs.TryRemove(dialog.Id, out _);
        if (dialog.MarkTerminated())
        {
            await _application.OnDialogTerminatedAsync(dialog, _stopping.Token).ConfigureAwait(false);
        }
    }

    private async Task HandleInDialogAsync(SipRequest request, SipServerTransaction transaction)
    {
        var dialog = FindDialog(request);
        if (dialog is null)
        {
            transaction.SendResponse(CreateResponse(request, 481, null, transaction.Flow));
            return;
        }

        if (request.Method == SipMethods.Update && RejectBriefSession(request, transaction.Flow) is { } tooBrief)
        {
            transaction.SendResponse(tooBrief);
            return;
        }

        dialog.RemoteCSeq = request.CSeq.Number;
        var status = await _application.OnDialogRequestAsync(dialog, request, _stopping.Token).ConfigureAwait(false);
        var response = CreateResponse(request, status, null, transaction.Flow);
        if (request.Method == SipMethods.Update && status == 200)
        {
            if (!request.Body.IsEmpty)
            {
                dialog.RemoteSdp = request.Body;
                response.Headers.Add(SipHeaderKind.ContentType, "application/sdp");
                response.Body = dialog.LocalSdp;
            }

            ApplySessionTimerAsUas(dialog, request, response);
        }

        transaction.SendResponse(response);
    }

    private SipDialog? FindDialog(SipRequest request) =>
        request.To.Tag is { } tag && _dialogs.TryGetValue(SipDialog.Key(request.CallId, tag, request.From.Tag ?? string.Empty), out var d) ? d : null;
}
