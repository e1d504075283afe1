using System.Globalization;
using System.Net;
using Parley.Sip.Admission;
using Parley.Sip.Messages;
using Parley.Sip.Stack;
using Parley.Sip.Transactions;
using Parley.Sip.Transport;

namespace Parley.Sip.Dialogs;

/// <summary>
/// A UAS or UAC dialog (RFC 3261 §12): identifiers, route set, remote target and CSeq counters, plus the
/// requests a call needs (BYE, re-INVITE, UPDATE, INFO, REFER, NOTIFY). SDP stays opaque bytes.
/// </summary>
public sealed partial class SipDialog
{
    private readonly SipStack _stack;
    private readonly string _localParty;
    private readonly string _remoteParty;
    private readonly List<string> _routeSet;
    private long _localCSeq;
    private int _terminated;
    private SipAdmissionLease? _admission;

    internal SipDialog(SipStack stack, bool isUac, string callId, string localTag, string remoteTag, string localParty, string remoteParty,
        string remoteTarget, List<string> routeSet, long localCSeq, long remoteCSeq, ISipFlow flow)
    {
        _stack = stack;
        IsUac = isUac;
        CallId = callId;
        LocalTag = localTag;
        RemoteTag = remoteTag;
        Id = Key(callId, localTag, remoteTag);
        _localParty = localParty;
        _remoteParty = remoteParty;
        RemoteTarget = remoteTarget;
        _routeSet = routeSet;
        _localCSeq = localCSeq;
        RemoteCSeq = remoteCSeq;
        Flow = flow;
        State = isUac ? SipDialogState.Confirmed : SipDialogState.Early;
    }

    /// <summary>Raised once when the dialog ends (BYE either way, no ACK, failure).</summary>
    public event Action<SipDialog>? Terminated;

    /// <summary>The admission slot of the call that created the dialog (UAS side); given back when the dialog ends.</summary>
    internal SipAdmissionLease? Admission
    {
        get => Volatile.Read(ref _admission);
        set => Volatile.Write(ref _admission, value);
    }

    public string Id { get; }

    public string CallId { get; }

    public string LocalTag { get; }

    public string RemoteTag { get; }

    public bool IsUac { get; }

    public SipDialogState State { get; private set; }

    /// <summary>The peer's Contact URI.</summary>
    public string RemoteTarget { get; private set; }

    /// <summary>From (UAC) or To (UAS) of the peer, as a header value.</summary>
    public string RemoteParty => _remoteParty;

    public long RemoteCSeq { get; internal set; }

    public ISipFlow Flow { get; }

    public IPEndPoint RemoteEndPoint => Flow.RemoteEndPoint;

    /// <summary>Our latest SDP offer/answer.</summary>
    public ReadOnlyMemory<byte> LocalSdp { get; internal set; }

    /// <summary>The peer's latest SDP.</summary>
    public ReadOnlyMemory<byte> RemoteSdp { get; internal set; }

    internal SipTimer? RetransmitTimer { get; set; }

    internal byte[]? AckBytes { get; set; }

    /// <summary>Hangs up: sends BYE and ends the dialog whatever the answer.</summary>
    public async Task<SipResponse> ByeAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendRequestAsync(SipMethods.Bye, cancellationToken: cancellationToken).ConfigureAwait(false);
        _stack.EndDialog(this);
        return response;
    }

    /// <summary>Sends INFO (e.g. application/dtmf-relay).</summary>
    public Task<SipResponse> InfoAsync(ReadOnlyMemory<byte> body, string contentType, CancellationToken cancellationToken = default) =>
        SendRequestAsync(SipMethods.Info, body, contentType, cancellationToken: cancellationToken);

    /// <summary>Sends UPDATE with a new offer.</summary>
    public Task<SipResponse> UpdateAsync(ReadOnlyMemory<byte> sdp, CancellationToken cancellationToken = default) =>
        SendRequestAsync(SipMethods.Update, sdp, "application/sdp", cancellationToken: cancellationToken);

    /// <summary>Sends a re-INVITE with a new offer (hold/resume); ACKs a 2xx and keeps the answer.</summary>
    public async Task<SipResponse> ReInviteAsync(ReadOnlyMemory<byte> sdp, CancellationToken cancellationToken = default)
    {
        LocalSdp = sdp;
        var response = await SendRequestAsync(SipMethods.Invite, sdp, sdp.IsEmpty ? null : "application/sdp", cancellationToken: cancellationToken).ConfigureAwait(false);
        if (response.IsSuccess)
        {
            RemoteSdp = response.Body;
            var ack = BuildRequest(SipMethods.Ack, default, null, null, response.CSeq.Number);
            await Flow.SendAsync(ack.ToBytes()).ConfigureAwait(false);
        }

        return response;
    }

    /// <summary>Blind or attended transfer: REFER with Refer-To (and an embedded Replaces when given).</summary>
    public Task<SipResponse> ReferAsync(string referTo, string? replaces = null, CancellationToken cancellationToken = default)
    {
        var target = replaces is null ? $"<{referTo}>" : $"<{referTo}?Replaces={Uri.EscapeDataString(replaces)}>";
        return SendRequestAsync(SipMethods.Refer, headers: [new(SipHeaderKind.ReferTo, target)], cancellationToken: cancellationToken);
    }

    /// <summary>Reports transfer progress (NOTIFY with Event: refer and a message/sipfrag body).</summary>
    public Task<SipResponse> NotifyReferAsync(int status, bool final, CancellationToken cancellationToken = default)
    {
        var frag = System.Text.Encoding.ASCII.GetBytes($"SIP/2.0 {status.ToString(CultureInfo.InvariantCulture)} {SipReasonPhrases.Get(status)}\r\n");
        return SendRequestAsync(SipMethods.Notify, frag, "message/sipfrag;version=2.0",
            [new(SipHeaderKind.Event, "refer"), new(SipHeaderKind.SubscriptionState, final ? "terminated;reason=noresource" : "active;expires=60")], cancellationToken);
    }

    /// <summary>Sends any in-dialog request and waits for its final response.</summary>
    public Task<SipResponse> SendRequestAsync(string method, ReadOnlyMemory<byte> body = default, string? contentType = null, IReadOnlyList<SipHeader>? headers = null, CancellationToken cancellationToken = default)
    {
        var request = BuildRequest(method, body, contentType, headers, null);
        return _stack.SendInDialogAsync(this, request, cancellationToken);
    }

    internal static string Key(string callId, string localTag, string remoteTag) => string.Concat(callId, "|", localTag, "|", remoteTag);

    internal void Confirm()
    {
        RetransmitTimer?.Cancel();
        if (State == SipDialogState.Early)
        {
            State = SipDialogState.Confirmed;
        }
    }

    internal bool MarkTerminated()
    {
        Interlocked.Exchange(ref _admission, null)?.Release();
        RetransmitTimer?.Cancel();
        StopSessionTimer();
        if (Interlocked.Exchange(ref _terminated, 1) == 1)
        {
            return false;
        }

        State = SipDialogState.Terminated;
        Terminated?.Invoke(this);
        return true;
    }

    internal void UpdateTarget(SipMessage message)
    {
        if (message.Contacts.Count > 0)
        {
            RemoteTarget = message.Contacts[0].Uri.ToString();
        }
    }

    private SipRequest BuildRequest(string method, ReadOnlyMemory<byte> body, string? contentType, IReadOnlyList<SipHeader>? headers, long? cseq)
    {
        var request = new SipRequest(method, RemoteTarget);
        var number = cseq ?? Interlocked.Increment(ref _localCSeq);
        request.Headers.Add(SipHeaderKind.Via, _stack.NewVia(Flow));
        request.Headers.Add(SipHeaderKind.MaxForwards, "70");
        request.Headers.Add(SipHeaderKind.From, _localParty);
        request.Headers.Add(SipHeaderKind.To, _remoteParty);
        request.Headers.Add(SipHeaderKind.CallId, CallId);
        request.Headers.Add(SipHeaderKind.CSeq, number.ToString(CultureInfo.InvariantCulture) + " " + method);
        foreach (var route in _routeSet)
        {
            request.Headers.Add(SipHeaderKind.Route, route);
        }

        request.Headers.Add(SipHeaderKind.Contact, _stack.ContactFor(Flow));
        request.Headers.Add(SipHeaderKind.UserAgent, _stack.Options.UserAgent);
        AddSessionTimerHeaders(request);
        if (headers is not null)
        {
            foreach (var h in headers)
            {
                request.Headers.Add(h);
            }
        }

        if (!body.IsEmpty)
        {
            request.Headers.Add(SipHeaderKind.ContentType, contentType ?? "application/octet-stream");
            request.Body = body;
        }

        return request;
    }
}
