using System.Globalization;
using Parley.Sip.Messages;
using Parley.Sip.Transactions;

namespace Parley.Sip.Dialogs;

public sealed partial class SipDialog
{
    private readonly Lock _sessionLock = new();
    private SipTimer? _sessionTimer;
    private int _sessionSeconds;

    /// <summary>The negotiated session interval (RFC 4028), or null when the session has no timer.</summary>
    public TimeSpan? SessionInterval
    {
        get
        {
            lock (_sessionLock)
            {
                return _sessionSeconds > 0 ? TimeSpan.FromSeconds(_sessionSeconds) : null;
            }
        }
    }

    /// <summary>True when Parley refreshes the session; false when the peer must (Parley hangs up if it does not).</summary>
    public bool RefreshesSession { get; private set; }

    /// <summary>
    /// How long until the session timer acts (the refresh when <see cref="RefreshesSession"/>, else the BYE); null when
    /// none is pending. Lets tests check the due time instead of waiting to see that nothing happened.
    /// </summary>
    internal TimeSpan? SessionTimerDueIn
    {
        get
        {
            lock (_sessionLock)
            {
                return _sessionTimer is null ? null : _stack.Scheduler.TimeUntil(_sessionTimer);
            }
        }
    }

    /// <summary>The peer listed UPDATE in Allow, so a refresh can be an UPDATE without a new offer.</summary>
    internal bool PeerAllowsUpdate { get; set; }

    internal void SetSessionTimer(int seconds, bool refreshesLocally, Func<SipDialog, SipTimer> arm)
    {
        lock (_sessionLock)
        {
            _sessionTimer?.Cancel();
            if (State == SipDialogState.Terminated)
            {
                return;
            }

            _sessionSeconds = seconds;
            RefreshesSession = refreshesLocally;
            _sessionTimer = arm(this);
        }
    }

    internal void StopSessionTimer()
    {
        lock (_sessionLock)
        {
            _sessionTimer?.Cancel();
            _sessionTimer = null;
            _sessionSeconds = 0;
        }
    }

    /// <summary>Every re-INVITE and UPDATE of a timed session carries the interval, so it also refreshes it.</summary>
    private void AddSessionTimerHeaders(SipRequest request)
    {
        if (request.Method is not (SipMethods.Invite or SipMethods.Update))
        {
            return;
        }

        int seconds;
        bool refreshes;
        lock (_sessionLock)
        {
            seconds = _sessionSeconds;
            refreshes = RefreshesSession;
        }

        if (seconds > 0)
        {
            // We send this request, so we are its "uac": keep the refresher role where it is.
            request.Headers.Add(SipHeaderKind.SessionExpires, new SipSessionExpires(seconds, refreshes ? SipSessionExpires.Uac : SipSessionExpires.Uas).ToString());
            request.Headers.Add(SipHeaderKind.Supported, "timer");
            request.Headers.Add(SipHeaderKind.MinSE, _stack.Options.SessionTimers.MinimumSeconds.ToString(CultureInfo.InvariantCulture));
        }
    }
}
