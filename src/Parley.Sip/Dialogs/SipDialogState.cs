namespace Parley.Sip.Dialogs;

public enum SipDialogState
{
    /// <summary>2xx sent, ACK not yet received (UAS).</summary>
    Early,
    Confirmed,
    Terminated,
}
