using System.Net;
using Parley.Sip.Auth;
using Parley.Sip.Dialogs;
using Parley.Sip.Messages;
using Parley.Sip.Transactions;

namespace Parley.Sip.Stack;

/// <summary>An incoming INVITE waiting for the application's decision.</summary>
public sealed partial class SipIncomingCall
{
    private readonly SipStack _stack;
    private readonly InviteServerTransaction _transaction;
    private int _decided;

    internal SipIncomingCall(SipStack stack, InviteServerTransaction transaction)
    {
        _stack = stack;
        _transaction = transaction;
        Request = transaction.Request;
        LocalTag = SipMessageFactory.NewTag();
    }

    /// <summary>Raised when the caller cancels before the answer, or the call dies unanswered (no PRACK for a reliable 18x).</summary>
    public event Action<SipIncomingCall>? Cancelled;

    public SipRequest Request { get; }

    /// <summary>The caller's SDP offer (may be empty: offer in the 2xx, answer in the ACK).</summary>
    public ReadOnlyMemory<byte> Offer => Request.Body;

    /// <summary>User part of the Request-URI ("echo" in sip:echo@host).</summary>
    public string? CalledUser => Request.Uri.User;

    public string LocalTag { get; }

    public bool IsCancelled { get; private set; }

    /// <summary>Where the INVITE came from (the transport peer, not the Via).</summary>
    public IPEndPoint RemoteEndPoint => _transaction.Flow.RemoteEndPoint;

    /// <summary>Who placed the INVITE: the transport peer, or the client a trusted proxy in front named (<see cref="SipClientSource"/>).</summary>
    public IPEndPoint Client => Request.Client ?? RemoteEndPoint;

    /// <summary>
    /// Where the INVITE arrived: the connection's local end for TCP/TLS; for UDP the address the caller sent to (its
    /// destination, even when the listener is bound to a wildcard address). The SDP answer advertises this address.
    /// </summary>
    public IPEndPoint LocalEndPoint => _transaction.Flow.LocalEndPoint;

    /// <summary>The authenticated caller, recorded by the application after digest authentication; null when not authenticated.</summary>
    public SipCaller? Caller { get; set; }

    /// <summary>The dialog, once answered.</summary>
    public SipDialog? Dialog { get; private set; }

    /// <summary>
    /// Sends 180 Ringing (or another provisional code) — reliably (RFC 3262: RSeq, retransmitted until PRACK) when
    /// the caller requires 100rel.
    /// </summary>
    public void Ring(int status = 180)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 101);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 199);
        if (Volatile.Read(ref _decided) != 0)
        {
            return;
        }

        var provisional = _stack.CreateResponse(Request, status, LocalTag, _transaction.Flow);
        if (RequiresReliableProvisional)
        {
            SendReliably(provisional);
            return;
        }

        _transaction.SendResponse(provisional);
    }

    /// <summary>Answers with 200 OK and the SDP answer; returns the dialog (Early until the ACK arrives).</summary>
    public SipDialog Answer(ReadOnlyMemory<byte> sdp)
    {
        if (Interlocked.Exchange(ref _decided, 1) == 1)
        {
            throw new InvalidOperationException("The call has already been answered, rejected or cancelled.");
        }

        StopReliableProvisional();
        Dialog = _stack.AnswerInvite(_transaction, LocalTag, sdp);
        return Dialog;
    }

    /// <summary>Rejects with a final status (486 busy, 603 decline, 503 overloaded...).</summary>
    public void Reject(int status, string? reason = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 300);
        if (Interlocked.Exchange(ref _decided, 1) == 0)
        {
            StopReliableProvisional();
            _stack.ForgetPendingCall(_transaction.Key);
            _transaction.SendResponse(_stack.CreateResponse(Request, status, LocalTag, _transaction.Flow, reason));
        }
    }

    /// <summary>
    /// Ends the call with a prepared final response (a 401/407 digest challenge, a 3xx with Contacts, a 4xx–6xx with
    /// extra headers). Its To-tag is replaced by the call's <see cref="LocalTag"/> and it goes out through the INVITE
    /// server transaction, which retransmits it and absorbs the caller's ACK. False when the call was already decided.
    /// </summary>
    public bool Respond(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentOutOfRangeException.ThrowIfLessThan(response.StatusCode, 300);
        if (Interlocked.Exchange(ref _decided, 1) != 0)
        {
            return false;
        }

        StopReliableProvisional();
        _stack.ForgetPendingCall(_transaction.Key);
        var to = Request.Headers.GetValue(SipHeaderKind.To)!;
        response.Headers.Set(SipHeaderKind.To, Request.To.Tag is null ? to + ";tag=" + LocalTag : to);
        if (!response.Headers.Contains(SipHeaderKind.Server))
        {
            response.Headers.Add(SipHeaderKind.Server, _stack.Options.UserAgent);
        }

        _transaction.SendResponse(response);
        return true;
    }

    /// <summary>Answers with a digest challenge (401 with WWW-Authenticate, or 407 with Proxy-Authenticate).</summary>
    public bool Challenge(SipResponse challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        if (challenge.StatusCode is not (401 or 407))
        {
            throw new ArgumentException("A challenge is a 401 or a 407.", nameof(challenge));
        }

        return Respond(challenge);
    }

    internal void Cancel()
    {
        if (Interlocked.Exchange(ref _decided, 1) == 0)
        {
            StopReliableProvisional();
            IsCancelled = true;
            _transaction.SendResponse(_stack.CreateResponse(Request, 487, LocalTag, _transaction.Flow));
            Cancelled?.Invoke(this);
        }
    }
}
