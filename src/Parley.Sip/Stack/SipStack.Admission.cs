using System.Globalization;
using Parley.Sip.Admission;
using Parley.Sip.Logging;
using Parley.Sip.Messages;
using Parley.Sip.Transport;

namespace Parley.Sip.Stack;

public sealed partial class SipStack
{
    private static readonly TimeSpan AdmissionLogEvery = TimeSpan.FromSeconds(10);
    private long _refusedSinceLog;
    private long _lastAdmissionLog;

    /// <summary>
    /// Admission of a new out-of-dialog INVITE, before its transaction exists: a retransmission of a refused one is
    /// refused again from memory; otherwise the node, tenant and trunk limits decide. A refusal is a stateless
    /// 503 with Retry-After (its To-tag derived from the transaction key, so a retransmission gets the same answer).
    /// </summary>
    private bool AdmitInvite(SipRequest request, string transactionKey, ISipFlow flow, out SipAdmissionLease? lease)
    {
        if (_refusedInvites.Contains(transactionKey))
        {
            lease = null;
            _admission.NoteRetransmissionRefused();
            SendServiceUnavailable(request, transactionKey, flow);
            return false;
        }

        if (_admission.TryAdmit(ResolveScope(request, flow), out lease, out var refusal))
        {
            return true;
        }

        _refusedInvites.Remember(transactionKey);
        SendServiceUnavailable(request, transactionKey, flow);
        NoteRefusal(refusal);
        return false;
    }

    private SipAdmissionScope ResolveScope(SipRequest request, ISipFlow flow)
    {
        if (Options.Admission.ScopeResolver is not { } resolve)
        {
            return SipAdmissionScope.NodeOnly;
        }

        try
        {
            return resolve(request, request.Client ?? flow.RemoteEndPoint);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            SipLog.HandlerFailed(_logger, "admission scope", request.CallId, ex);
            return SipAdmissionScope.NodeOnly;
        }
    }

    private void SendServiceUnavailable(SipRequest request, string transactionKey, ISipFlow flow)
    {
        var tag = "a" + ((uint)StringComparer.Ordinal.GetHashCode(transactionKey)).ToString("x8", CultureInfo.InvariantCulture);
        var response = SipMessageFactory.CreateResponse(request, 503, null, tag);
        response.Headers.Add(SipHeaderKind.RetryAfter, ((int)Math.Ceiling(Options.Admission.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        response.Headers.Add(SipHeaderKind.Server, Options.UserAgent);
        _ = flow.SendAsync(response.ToBytes());
    }

    /// <summary>One warning per 10 s at most while calls are refused, with the count (a flood must not flood the log).</summary>
    private void NoteRefusal(SipAdmissionRefusal refusal)
    {
        Interlocked.Increment(ref _refusedSinceLog);
        var now = TimeProvider.GetTimestamp();
        var last = Interlocked.Read(ref _lastAdmissionLog);
        if (last != 0 && TimeProvider.GetElapsedTime(last, now) < AdmissionLogEvery)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _lastAdmissionLog, now, last) != last)
        {
            return;
        }

        var seconds = last == 0 ? 0 : (int)TimeProvider.GetElapsedTime(last, now).TotalSeconds;
        var count = Interlocked.Exchange(ref _refusedSinceLog, 0);
        SipLog.AdmissionRefusing(_logger, count, seconds, refusal.ToLabel(), _admission.ConcurrentCalls);
    }
}
