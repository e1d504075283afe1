using System.Globalization;
using Parley.Sip.Dialogs;
using Parley.Sip.Logging;
using Parley.Sip.Messages;
using Parley.Sip.Transport;

namespace Parley.Sip.Stack;

/// <summary>
/// Session timers (RFC 4028): negotiate the interval and the refresher on INVITE/UPDATE 2xx, refresh at half the
/// interval when Parley is the refresher (UPDATE when the peer allows it, else re-INVITE with the current SDP), and
/// end the dialog with BYE when the peer should have refreshed and did not.
/// </summary>
public sealed partial class SipStack
{
    private const string TimerOption = "timer";

    private static bool SupportsTimer(SipMessage message) =>
        message.Supported.Contains(TimerOption, StringComparer.OrdinalIgnoreCase) || message.Require.Contains(TimerOption, StringComparer.OrdinalIgnoreCase);

    /// <summary>RFC 4028 §8.1: a Session-Expires below our Min-SE is answered 422 with our Min-SE; null when acceptable.</summary>
    internal SipResponse? RejectBriefSession(SipRequest request, ISipFlow flow)
    {
        var minimum = Options.SessionTimers.MinimumSeconds;
        if (!SipSessionExpires.TryParse(request.Headers.GetValue(SipHeaderKind.SessionExpires), out var asked) || asked.Seconds >= minimum)
        {
            return null;
        }

        var reject = CreateResponse(request, 422, request.To.Tag is null ? SipMessageFactory.NewTag() : null, flow);
        reject.Headers.Add(SipHeaderKind.MinSE, minimum.ToString(CultureInfo.InvariantCulture));
        return reject;
    }

    /// <summary>We answer 2xx to an INVITE, re-INVITE or UPDATE: settle the session timer and state it in the response.</summary>
    internal void ApplySessionTimerAsUas(SipDialog dialog, SipRequest request, SipResponse response)
    {
        var requesterSupports = SupportsTimer(request);
        int seconds;
        bool requesterRefreshes;
        if (SipSessionExpires.TryParse(request.Headers.GetValue(SipHeaderKind.SessionExpires), out var asked))
        {
            seconds = asked.Seconds;
            requesterRefreshes = asked.Refresher switch
            {
                SipSessionExpires.Uac => true,
                SipSessionExpires.Uas => false,
                _ => requesterSupports,
            };
        }
        else if (Options.SessionTimers.IntervalSeconds > 0)
        {
            // §9: the caller asked for no timer; we may still want one. A caller without timer support cannot refresh.
            seconds = SipSessionExpires.TryParseMinimum(request.Headers.GetValue(SipHeaderKind.MinSE), out var theirMinimum)
                ? Math.Max(Options.SessionTimers.IntervalSeconds, theirMinimum)
                : Options.SessionTimers.IntervalSeconds;
            requesterRefreshes = requesterSupports;
        }
        else
        {
            dialog.StopSessionTimer();
            return;
        }

        response.Headers.Add(SipHeaderKind.SessionExpires, new SipSessionExpires(seconds, requesterRefreshes ? SipSessionExpires.Uac : SipSessionExpires.Uas).ToString());
        if (requesterSupports)
        {
            response.Headers.Add(SipHeaderKind.Require, TimerOption);
        }

        ArmSessionTimer(dialog, seconds, refreshesLocally: !requesterRefreshes);
    }

    /// <summary>We sent an INVITE, re-INVITE or UPDATE that asked for a timer and got 2xx: the response decides.</summary>
    internal void ApplySessionTimerAsUac(SipDialog dialog, SipResponse response)
    {
        if (!SipSessionExpires.TryParse(response.Headers.GetValue(SipHeaderKind.SessionExpires), out var granted))
        {
            // §7.2: no Session-Expires in the 2xx means no session expiration.
            dialog.StopSessionTimer();
            return;
        }

        ArmSessionTimer(dialog, granted.Seconds, refreshesLocally: granted.Refresher != SipSessionExpires.Uas);
    }

    private void ArmSessionTimer(SipDialog dialog, int seconds, bool refreshesLocally)
    {
        // §10: the refresher refreshes at half the interval; the other side gives up a little before it ends.
        var delay = refreshesLocally ? TimeSpan.FromSeconds(seconds / 2.0) : TimeSpan.FromSeconds(seconds - Math.Min(32, seconds / 3.0));
        dialog.SetSessionTimer(seconds, refreshesLocally, d => _scheduler.Schedule(delay, OnSessionTimer, d));
    }

    private void OnSessionTimer(object? state)
    {
        var dialog = (SipDialog)state!;
        if (dialog.State == SipDialogState.Terminated || dialog.SessionInterval is not { } interval)
        {
            return;
        }

        if (dialog.RefreshesSession)
        {
            _ = RefreshSessionAsync(dialog, (int)interval.TotalSeconds);
            return;
        }

        SipLog.SessionExpired(_logger, dialog.CallId, (int)interval.TotalSeconds);
        _ = EndExpiredSessionAsync(dialog);
    }

    private async Task RefreshSessionAsync(SipDialog dialog, int seconds)
    {
        SipResponse response;
        try
        {
            response = dialog.PeerAllowsUpdate
                ? await dialog.SendRequestAsync(SipMethods.Update, cancellationToken: _stopping.Token).ConfigureAwait(false)
                : await dialog.ReInviteAsync(dialog.LocalSdp, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (response.IsSuccess)
        {
            return; // SendInDialogAsync applied the 2xx's Session-Expires and re-armed.
        }

        SipLog.SessionRefreshFailed(_logger, dialog.CallId, response.StatusCode);
        if (response.StatusCode is 408 or 481)
        {
            // RFC 3261 §12.2.1.2: the dialog is gone.
            await EndExpiredSessionAsync(dialog).ConfigureAwait(false);
            return;
        }

        ArmSessionTimer(dialog, seconds, refreshesLocally: true);
    }

    private async Task EndExpiredSessionAsync(SipDialog dialog)
    {
        try
        {
            await dialog.ByeAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            EndDialog(dialog);
        }
    }

    /// <summary>After an in-dialog request we sent: a 2xx to a timed re-INVITE or UPDATE re-arms the session timer.</summary>
    private void OnInDialogResponse(SipDialog dialog, SipRequest request, SipResponse response)
    {
        if (response.IsSuccess && request.Method is SipMethods.Invite or SipMethods.Update && request.Headers.Get(SipHeaderKind.SessionExpires) is not null)
        {
            ApplySessionTimerAsUac(dialog, response);
        }
    }
}
