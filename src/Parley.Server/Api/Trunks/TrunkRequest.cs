using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Api.Trunks;

/// <summary>
/// Body of creating or replacing a SIP trunk. Passwords are write-only: the inbound one is kept as HA1 hashes (realm: the
/// tenant's SIP domain), the outbound one encrypted; leave a password out on replace to keep the stored one.
/// <c>AllowedDestinations</c> (E.164 prefixes) limits where outbound calls through the trunk may go (toll fraud).
/// </summary>
public sealed record TrunkRequest(
    [property: Required, StringLength(100, MinimumLength = 1)] string Name,
    [property: MaxLength(50)] IReadOnlyList<string>? AllowedAddresses,
    [property: StringLength(64, MinimumLength = 1), RegularExpression("^[A-Za-z0-9._~-]+$")] string? InboundUserName,
    [property: StringLength(128, MinimumLength = 12)] string? InboundPassword,
    [property: StringLength(253)] string? OutboundHost,
    [property: Range(1, 65535)] int? OutboundPort,
    string? OutboundTransport,
    [property: StringLength(64, MinimumLength = 1)] string? OutboundUserName,
    [property: StringLength(128, MinimumLength = 1)] string? OutboundPassword,
    string? CallerIdPolicy,
    [property: StringLength(40)] string? CallerIdNumber,
    [property: RegularExpression("^[1-9][0-9]{0,2}$")] string? CountryCode,
    [property: RegularExpression("^[0-9]{1,4}$")] string? NationalPrefix,
    [property: Range(1, 10_000)] int? MaxConcurrentCalls,
    [property: Range(1, 1_000)] int? MaxCallsPerSecond,
    [property: MaxLength(50)] IReadOnlyList<string>? AllowedDestinations = null);
