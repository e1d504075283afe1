namespace Parley.Sip.Transactions;

/// <summary>What the transaction layer did with an incoming request.</summary>
public enum SipRequestDisposition
{
    /// <summary>A new server transaction was created; the TU must answer it.</summary>
    NewTransaction,

    /// <summary>A retransmission (or an ACK for a non-2xx) was absorbed by an existing transaction.</summary>
    Absorbed,

    /// <summary>An ACK matching no transaction: the ACK for a 2xx, which belongs to the dialog layer.</summary>
    AckForDialog,

    /// <summary>A new INVITE refused by admission control: answered 503 statelessly, no transaction kept.</summary>
    Refused,
}
