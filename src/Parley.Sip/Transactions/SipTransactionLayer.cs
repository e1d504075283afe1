using System.Collections.Concurrent;
using System.Globalization;
using Parley.Sip.Admission;
using Parley.Sip.Messages;
using Parley.Sip.Transport;

namespace Parley.Sip.Transactions;

/// <summary>
/// Matches messages to transactions (RFC 3261 §17.1.3, §17.2.3) and owns them. All timers run on one
/// <see cref="SipTimerScheduler"/>.
/// </summary>
public sealed class SipTransactionLayer
{
    private readonly ConcurrentDictionary<string, SipServerTransaction> _server = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SipClientTransaction> _client = new(StringComparer.Ordinal);

    public SipTransactionLayer(SipTimerScheduler scheduler, SipTimerOptions? timers = null)
    {
        Scheduler = scheduler;
        Timers = timers ?? new SipTimerOptions();
    }

    public SipTimerScheduler Scheduler { get; }

    public SipTimerOptions Timers { get; }

    public int ServerTransactionCount => _server.Count;

    public int ClientTransactionCount => _client.Count;

    /// <summary>
    /// Consulted for a new out-of-dialog INVITE (no transaction matches it) before its transaction exists; refusing
    /// answers it statelessly and keeps nothing. Retransmissions of an admitted INVITE match their transaction and are
    /// never consulted again.
    /// </summary>
    internal SipInviteAdmission? AdmitInvite { get; set; }

    /// <summary>Routes an incoming request: to an existing transaction, a new one, or the dialog layer (ACK for 2xx).</summary>
    public SipRequestDisposition ProcessRequest(SipRequest request, ISipFlow flow, out SipServerTransaction? transaction)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = ServerKey(request, request.Method == SipMethods.Ack ? SipMethods.Invite : request.Method);
        if (_server.TryGetValue(key, out var existing))
        {
            transaction = null;
            if (request.Method == SipMethods.Ack && existing.State == SipTransactionState.Accepted)
            {
                return SipRequestDisposition.AckForDialog;
            }

            existing.OnRetransmission(request);
            return SipRequestDisposition.Absorbed;
        }

        if (request.Method == SipMethods.Ack)
        {
            transaction = null;
            return SipRequestDisposition.AckForDialog;
        }

        SipAdmissionLease? lease = null;
        if (request.Method == SipMethods.Invite && request.To.Tag is null && AdmitInvite is { } admit && !admit(request, key, flow, out lease))
        {
            transaction = null;
            return SipRequestDisposition.Refused;
        }

        SipServerTransaction created = request.Method == SipMethods.Invite
            ? new InviteServerTransaction(this, key, request, flow, lease)
            : new NonInviteServerTransaction(this, key, request, flow);
        if (!_server.TryAdd(key, created))
        {
            lease?.Release();
            transaction = null;
            return SipRequestDisposition.Absorbed;
        }

        transaction = created;
        return SipRequestDisposition.NewTransaction;
    }

    /// <summary>Finds the INVITE server transaction a CANCEL refers to.</summary>
    public InviteServerTransaction? FindInviteFor(SipRequest cancel)
    {
        ArgumentNullException.ThrowIfNull(cancel);
        return _server.TryGetValue(ServerKey(cancel, SipMethods.Invite), out var tx) ? tx as InviteServerTransaction : null;
    }

    /// <summary>Starts a client transaction. The request must carry its top Via with a fresh branch.</summary>
    public SipClientTransaction SendRequest(SipRequest request, ISipFlow flow, Action<SipClientTransaction, SipResponse> onResponse)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = ClientKey(request.TopVia!.Branch!, request.CSeq.Method);
        SipClientTransaction tx = request.Method == SipMethods.Invite
            ? new InviteClientTransaction(this, key, request, flow, onResponse)
            : new NonInviteClientTransaction(this, key, request, flow, onResponse);
        _client[key] = tx;
        tx.Start();
        return tx;
    }

    /// <summary>Delivers a response to its client transaction; false when none matches (stray response).</summary>
    public bool ProcessResponse(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var branch = response.TopVia?.Branch;
        if (branch is null || !_client.TryGetValue(ClientKey(branch, response.CSeq.Method), out var tx))
        {
            return false;
        }

        tx.OnResponse(response);
        return true;
    }

    internal void Send(ISipFlow flow, SipMessage message) => _ = flow.SendAsync(message.ToBytes());

    internal void Remove(SipTransaction transaction)
    {
        if (transaction is SipServerTransaction)
        {
            _server.TryRemove(transaction.Key, out _);
        }
        else
        {
            _client.TryRemove(transaction.Key, out _);
        }
    }

    private static string ClientKey(string branch, string method) => string.Concat(branch, "|", method);

    private static string ServerKey(SipRequest request, string method)
    {
        var via = request.TopVia!;
        var branch = via.Branch;
        if (branch is not null && via.IsRfc3261Branch && branch.Length > SipVia.MagicCookie.Length)
        {
            return string.Concat(branch, "|", method, "|", via.SentBy);
        }

        // RFC 2543 peers: match on the request identity instead of the branch.
        return string.Join('|', request.CallId, request.CSeq.Number.ToString(CultureInfo.InvariantCulture), request.From.Tag, via.SentBy, method);
    }
}
