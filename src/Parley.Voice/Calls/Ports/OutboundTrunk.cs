namespace Parley.Voice.Calls.Ports;

/// <summary>
/// A trunk's outbound side: where INVITEs go, the digest credentials to answer a challenge with, and whose number the
/// far end sees (<c>PassThrough</c>: the caller's; <c>Fixed</c>: <paramref name="CallerIdNumber"/>; <c>CalledNumber</c>:
/// the tenant's number the caller dialled).
/// </summary>
public sealed record OutboundTrunk(
    Guid Id,
    string Host,
    int Port,
    string Transport,
    string? UserName,
    string? Password,
    string CallerIdPolicy,
    string? CallerIdNumber)
{
    /// <summary>The Request-URI for <paramref name="e164"/> through this trunk.</summary>
    public string TargetFor(string e164) =>
        $"sip:{e164}@{Host}:{Port}" + (string.Equals(Transport, "udp", StringComparison.OrdinalIgnoreCase) ? string.Empty : $";transport={Transport.ToLowerInvariant()}");

    /// <summary>The number presented to the far end for a call from <paramref name="caller"/> to the tenant's <paramref name="called"/>.</summary>
    public string? CallerIdFor(string? caller, string? called) => CallerIdPolicy switch
    {
        "Fixed" => CallerIdNumber ?? caller,
        "CalledNumber" => called ?? caller,
        _ => caller,
    };
}
