using System.Globalization;
using System.Net;
using Parley.Sip.Logging;
using Parley.Sip.Messages;
using Parley.Sip.Parsing;
using Parley.Sip.Transactions;
using Parley.Sip.Transport;

namespace Parley.Sip.Stack;

public sealed partial class SipStack : ISipMessageSink
{
    bool ISipMessageSink.Admit(ISipFlow flow) => _guard.Admit(flow.RemoteEndPoint.Address);

    void ISipMessageSink.OnRejected(SipParseException error, ReadOnlySpan<byte> raw, ISipFlow flow)
    {
        SipLog.MessageRejected(_logger, flow.RemoteEndPoint, error.Reason.ToString(), error.StatusCode);
        if (raw.StartsWith("SIP/"u8) || raw.StartsWith("ACK "u8))
        {
            return;
        }

        var response = SipStatelessResponder.BuildResponse(raw, error.StatusCode);
        if (response is not null)
        {
            _ = flow.SendAsync(response);
        }
    }

    Lock ISipMessageSink.CallLock(SipMessage message) => _calls.For(message.CallId);

    void ISipMessageSink.OnMessage(SipMessage message, ISipFlow flow)
    {
        // Receive threads run in parallel; messages of one call are processed one at a time (SipCallStripes).
        lock (_calls.For(message.CallId))
        {
            Process(message, flow);
        }
    }

    private void Process(SipMessage message, ISipFlow flow)
    {
        if (message is SipResponse response)
        {
            OnResponse(response);
            return;
        }

        var request = (SipRequest)message;
        request.Client = SipClientSource.Resolve(request, flow, _guard);
        if (!ReferenceEquals(request.Client, flow.RemoteEndPoint) && !_guard.Admit(request.Client.Address))
        {
            return; // a client flooding through the proxy: counted as itself, after parsing
        }

        if (_guard.IsScanner(request.UserAgent))
        {
            SipLog.ScannerDropped(_logger, request.UserAgent!, request.Client.Address);
            return;
        }

        var responseFlow = ApplySymmetricRouting(request, flow);
        switch (_transactions.ProcessRequest(request, responseFlow, out var transaction))
        {
            case SipRequestDisposition.NewTransaction:
                _ = HandleRequestAsync(request, transaction!);
                break;
            case SipRequestDisposition.AckForDialog:
                OnAck(request);
                break;
            default:
                break;
        }
    }

    /// <summary>RFC 3261 §18.2.1 and RFC 3581: stamp received/rport and pick where responses go.</summary>
    private static ISipFlow ApplySymmetricRouting(SipRequest request, ISipFlow flow)
    {
        var via = request.TopVia!;
        var source = flow.RemoteEndPoint;
        var sourceAddress = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4() : source.Address;
        var changed = false;
        if (!string.Equals(via.Host.Trim('[', ']'), sourceAddress.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            via.Received = sourceAddress.ToString();
            changed = true;
        }

        if (via.HasRport)
        {
            via.Rport = source.Port;
            changed = true;
        }

        if (changed)
        {
            ReplaceTopVia(request, via);
        }

        if (!flow.IsReliable && !via.HasRport && via.Port is { } viaPort && viaPort != source.Port && flow is UdpFlow udp)
        {
            return udp.WithRemote(new IPEndPoint(source.Address, viaPort));
        }

        return flow;
    }

    private static void ReplaceTopVia(SipRequest request, SipVia top)
    {
        var index = request.Headers.IndexOf(SipHeaderKind.Via);
        var inFirstHeader = new List<SipVia>();
        SipVia.ParseList(request.Headers[index].Value, inFirstHeader);
        request.Headers.Replace(index, new SipHeader(SipHeaderKind.Via, top.ToString()));
        for (var i = inFirstHeader.Count - 1; i >= 1; i--)
        {
            request.Headers.Insert(index + 1, new SipHeader(SipHeaderKind.Via, inFirstHeader[i].ToString()));
        }
    }

    private void OnResponse(SipResponse response)
    {
        if (SipRequestValidator.ShouldDiscardResponse(response))
        {
            return;
        }

        if (_transactions.ProcessResponse(response))
        {
            return;
        }

        // A 2xx retransmitted after the INVITE transaction ended: re-send the ACK of the dialog.
        if (response.IsSuccess && response.CSeq.Method == SipMethods.Invite && response.To.Tag is { } tag
            && _dialogs.TryGetValue(Dialogs.SipDialog.Key(response.CallId, response.From.Tag ?? string.Empty, tag), out var dialog)
            && dialog.AckBytes is { } ack)
        {
            _ = dialog.Flow.SendAsync(ack);
            return;
        }

        SipLog.StrayResponse(_logger, response.StatusCode, response.CallId);
    }

    private void OnAck(SipRequest ack)
    {
        if (ack.To.Tag is { } tag && _dialogs.TryGetValue(Dialogs.SipDialog.Key(ack.CallId, tag, ack.From.Tag ?? string.Empty), out var dialog))
        {
            dialog.Confirm();
            if (!ack.Body.IsEmpty)
            {
                dialog.RemoteSdp = ack.Body;
            }
        }
    }

    private static string CSeqText(long n, string method) => n.ToString(CultureInfo.InvariantCulture) + " " + method;
}
