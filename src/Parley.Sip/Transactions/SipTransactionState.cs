namespace Parley.Sip.Transactions;

/// <summary>States of RFC 3261 §17 transactions, with Accepted from RFC 6026.</summary>
public enum SipTransactionState
{
    Calling,
    Trying,
    Proceeding,
    Accepted,
    Completed,
    Confirmed,
    Terminated,
}
