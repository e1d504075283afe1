using System.Globalization;
using Parley.Sip.Messages;
using Parley.Sip.Transactions;
using Parley.Sip.Transport;

namespace Parley.Sip.Stack;

/// <summary>
/// Reliable provisional responses (RFC 3262, option tag 100rel): as UAS, a caller that requires 100rel gets its
/// 18x with RSeq, re-sent until the matching PRACK; as UAC, every new reliable 18x is acknowledged with PRACK.
/// </summary>
public sealed partial class SipStack
{
    internal const string ReliableOption = "100rel";

    internal SipTimer ScheduleReliableRetransmission(SipIncomingCall call, byte[] bytes, TimeSpan interval, TimeSpan elapsed) =>
        _scheduler.Schedule(interval, _ => call.OnReliableTimer(bytes, interval, elapsed), null);

    /// <summary>§3: a PRACK that matches the outstanding reliable provisional gets 200, anything else 481.</summary>
    private void HandlePrack(SipRequest prack, SipServerTransaction transaction)
    {
        var status = 481;
        if (TryParseRAck(prack.Headers.GetValue(SipHeaderKind.RAck), out var rseq, out var cseq) && prack.To.Tag is { } toTag)
        {
            foreach (var call in _pendingCalls.Values)
            {
                if (call.LocalTag == toTag && call.Request.CallId == prack.CallId && call.Request.From.Tag == prack.From.Tag)
                {
                    status = call.Acknowledge(rseq, cseq) ? 200 : 481;
                    break;
                }
            }
        }

        transaction.SendResponse(CreateResponse(prack, status, null, transaction.Flow));
    }

    /// <summary>PRACK for a reliable provisional response to our INVITE (sent in the early dialog it creates).</summary>
    internal void SendPrack(SipRequest invite, SipResponse provisional, ISipFlow flow, long rseq, long cseq)
    {
        var target = provisional.Contacts.Count > 0 ? provisional.Contacts[0].Uri.ToString() : invite.RequestUri;
        var prack = new SipRequest(SipMethods.Prack, target);
        prack.Headers.Add(SipHeaderKind.Via, NewVia(flow));
        prack.Headers.Add(SipHeaderKind.MaxForwards, "70");
        prack.Headers.Add(invite.Headers.Get(SipHeaderKind.From)!);
        prack.Headers.Add(provisional.Headers.Get(SipHeaderKind.To)!);
        prack.Headers.Add(SipHeaderKind.CallId, invite.CallId);
        prack.Headers.Add(SipHeaderKind.CSeq, CSeqText(cseq, SipMethods.Prack));
        var routes = new List<SipHeader>();
        foreach (var h in provisional.Headers)
        {
            if (h.Kind == SipHeaderKind.RecordRoute)
            {
                routes.Insert(0, new SipHeader(SipHeaderKind.Route, h.Value));
            }
        }

        foreach (var route in routes)
        {
            prack.Headers.Add(route);
        }

        prack.Headers.Add(SipHeaderKind.RAck, string.Create(CultureInfo.InvariantCulture, $"{rseq} {invite.CSeq.Number} {SipMethods.Invite}"));
        prack.Headers.Add(SipHeaderKind.UserAgent, Options.UserAgent);
        _transactions.SendRequest(prack, flow, static (_, _) => { });
    }

    /// <summary>Reads "RSeq CSeq INVITE" (RFC 3262 §7.2).</summary>
    internal static bool TryParseRAck(string? value, out long rseq, out long cseq)
    {
        rseq = 0;
        cseq = 0;
        var parts = value?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return parts is { Length: 3 }
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out rseq)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out cseq)
            && parts[2] == SipMethods.Invite;
    }
}
