namespace Parley.Voice.Records;

/// <summary>Who a leg connects to, or which side released a call.</summary>
public enum CallParty
{
    Caller,
    Agent,
    System,
}
