namespace Parley.Media.Sdp;

/// <summary>RFC 4566 §6 direction attributes, as flags: <see cref="Send"/> and <see cref="Receive"/> from the describing party's view.</summary>
[Flags]
public enum MediaDirection
{
    Inactive = 0,
    Send = 1,
    Receive = 2,
    SendOnly = Send,
    RecvOnly = Receive,
    SendRecv = Send | Receive,
}
