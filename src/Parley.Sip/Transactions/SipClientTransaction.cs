using Parley.Sip.Messages;
using Parley.Sip.Transport;

namespace Parley.Sip.Transactions;

/// <summary>A client transaction. Responses (and a synthesized 408 on timeout) go to the callback.</summary>
public abstract class SipClientTransaction : SipTransaction
{
    private readonly Action<SipClientTransaction, SipResponse> _onResponse;

    private protected SipClientTransaction(SipTransactionLayer layer, string key, SipRequest request, ISipFlow flow, Action<SipClientTransaction, SipResponse> onResponse)
        : base(layer, key, request, flow)
    {
        _onResponse = onResponse;
        RequestBytes = request.ToBytes();
    }

    private protected byte[] RequestBytes { get; }

    internal abstract void Start();

    internal abstract void OnResponse(SipResponse response);

    private protected void Deliver(SipResponse response) => _onResponse(this, response);

    private protected void DeliverTimeout()
    {
        var timeout = SipMessageFactory.CreateResponse(Request, 408);
        Deliver(timeout);
    }
}
