namespace Parley.Voice.Records;

public enum CallDirection
{
    Inbound,
    Outbound,
    Internal,
}
