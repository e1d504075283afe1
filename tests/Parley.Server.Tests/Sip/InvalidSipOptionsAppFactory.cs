using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Sip;

/// <summary>A server whose SIP settings cannot work: a host name as bind address, a bad trusted address, a 30 s session timer, a missing root file, no digest failure allowed.</summary>
public sealed class InvalidSipOptionsAppFactory : ParleyAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("Parley:Sip:Address", "sip.example.com"),
        new("Parley:Sip:Defence:TrustedAddresses:0", "not-an-ip"),
        new("Parley:Sip:SessionTimers:MinimumSeconds", "30"),
        new("Parley:Sip:TlsTrustedRoots:0", "/nonexistent/carrier-root.pem"),
        new("Parley:Sip:Defence:AuthMaxFailures", "0"),
    ];
}
