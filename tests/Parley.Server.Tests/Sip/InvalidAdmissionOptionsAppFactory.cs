using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Sip;

/// <summary>A server with unusable admission limits: a negative rate, a Retry-After of 0, a tenant with a negative cap, a negative per-tenant rate.</summary>
public sealed class InvalidAdmissionOptionsAppFactory : ParleyAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("Parley:Sip:Admission:CallsPerSecond", "-5"),
        new("Parley:Sip:Admission:RetryAfterSeconds", "0"),
        new("Parley:Sip:Admission:Tenants:acme:MaxConcurrentCalls", "-1"),
        new("Parley:Sip:Admission:PerTenant:CallsPerSecond", "-1"),
    ];
}
