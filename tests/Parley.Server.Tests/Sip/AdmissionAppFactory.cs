using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Sip;

/// <summary>A server whose node admits one new call and then (for about 17 minutes) none: the next INVITE gets 503.</summary>
public sealed class AdmissionAppFactory : ParleyAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("Parley:Sip:Admission:CallsPerSecond", "0.001"),
        new("Parley:Sip:Admission:RetryAfterSeconds", "7"),
    ];
}
