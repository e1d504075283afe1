using System.Net;

namespace Parley.Server.Net;

/// <summary>One block outbound requests must not reach: the registry's name for it and the RFC that set it aside.</summary>
public sealed record SpecialPurposeRange(IPNetwork Network, string Name, string Reference)
{
    public static SpecialPurposeRange Of(string cidr, string name, string reference) => new(IPNetwork.Parse(cidr), name, reference);
}
