using Parley.Sip.Messages;
using Parley.Sip.Transport;

namespace Parley.Sip.Transactions;

/// <summary>A server transaction: the TU answers through <see cref="SendResponse"/>.</summary>
public abstract class SipServerTransaction : SipTransaction
{
    private protected SipServerTransaction(SipTransactionLayer layer, string key, SipRequest request, ISipFlow flow)
        : base(layer, key, request, flow)
    {
    }

    /// <summary>The last provisional response sent, or null (null again once the final response is sent).</summary>
    public SipResponse? LastResponse { get; private protected set; }

    /// <summary>Sends a response and moves the state machine.</summary>
    public abstract void SendResponse(SipResponse response);

    /// <summary>After the final response only the key, the state and the bytes to re-send are kept (64*T1 of calls).</summary>
    private protected void ReleaseMessages()
    {
        LastResponse = null;
        ReleaseRequest();
    }

    internal abstract void OnRetransmission(SipRequest request);
}
