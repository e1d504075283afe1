using System.Net;

namespace Parley.Media.Sdp;

/// <summary>The <c>c=</c> line (RFC 4566 §5.7).</summary>
public sealed record SdpConnection(string NetworkType, string AddressType, string Address)
{
    public static SdpConnection ForAddress(IPAddress address) =>
        new("IN", address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "IP6" : "IP4", address.ToString());

    /// <summary>True for <c>0.0.0.0</c>, the RFC 2543 way of putting a call on hold.</summary>
    public bool IsNullAddress => Address is "0.0.0.0" or "::";

    public override string ToString() => $"{NetworkType} {AddressType} {Address}";
}
