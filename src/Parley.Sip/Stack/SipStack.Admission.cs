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
    /// A node that takes no new calls (<see cref="SipStackOptions.Availability"/>: draining) refuses them all alike.
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

        if (Options.Availability is { AcceptsNewCalls: false })
        {
            lease = null;
            _refusedInvites.Remember(transactionKey);
            SendServiceUnavailable(request, transactionKey, flow);
            _admission.NoteRefused(SipAdmissionRefusal.NodeDraining);
            NoteRefusal(SipAdmissionRefusal.NodeDraining);
            return false;
        }

        if (!Options.Admission.Enabled)
        {
            lease = null;
            return true;
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
        response.Headers.Add(SipHeaderKind.RetryAfter, RetryAfterSeconds);
        response.Headers.Add(SipHeaderKind.Server, Options.UserAgent);
        _ = flow.SendAsync(response.ToBytes());
    }

    /// <summary>The admission's <c>Retry-After</c> in whole seconds, as the header carries it.</summary>
    private string RetryAfterSeconds => ((int)Math.Ceiling(Options.Admission.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The answer to an OPTIONS: 200 with what the stack supports, or — out of dialog on a node that takes no new calls
    /// (draining) — 503 with Retry-After, which takes the node out of a probing dispatcher's rotation.
    /// </summary>
    private SipResponse AnswerOptions(SipRequest request, ISipFlow flow)
    {
        if (request.To.Tag is null && Options.Availability is { AcceptsNewCalls: false })
        {
            var unavailable = CreateResponse(request, 503, SipMessageFactory.NewTag(), flow);
            unavailable.Headers.Add(SipHeaderKind.RetryAfter, RetryAfterSeconds);
            return unavailable;
        }

        var ok = CreateResponse(request, 200, request.To.Tag is null ? SipMessageFactory.NewTag() : null, flow);
        ok.Headers.Add(SipHeaderKind.Allow, AllowValue);
        ok.Headers.Add(SipHeaderKind.Accept, "application/sdp");
        ok.Headers.Add(SipHeaderKind.Supported, string.Join(", ", _validator.SupportedExtensions));
        return ok;
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
