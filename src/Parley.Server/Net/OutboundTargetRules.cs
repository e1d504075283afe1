namespace Parley.Server.Net;

/// <summary>What an outbound URL of the server may point at. Both relaxations exist for tests with a local receiver.</summary>
/// <param name="AllowPrivateTargets">Allow addresses in the special-purpose blocks (loopback, private, …).</param>
/// <param name="AllowInsecureHttp">Allow plain <c>http://</c>.</param>
public readonly record struct OutboundTargetRules(bool AllowPrivateTargets, bool AllowInsecureHttp)
{
    public bool IsAllowed(System.Net.IPAddress address) => AllowPrivateTargets || SpecialPurposeAddresses.IsPublic(address);
}
