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

    /// <summary>The last response sent, or null.</summary>
    public SipResponse? LastResponse { get; private protected set; }

    /// <summary>Sends a response and moves the state machine.</summary>
    public abstract void SendResponse(SipResponse response);

    internal abstract void OnRetransmission(SipRequest request);
}
