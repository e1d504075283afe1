using Parley.Data.Entities.Voice;

namespace Parley.Server.Api.Trunks;

/// <summary>A SIP trunk as the API shows it: never a password or its hash, only whether one is set.</summary>
public sealed record TrunkDto(
    Guid Id,
    string Name,
    IReadOnlyList<string> AllowedAddresses,
    string? InboundUserName,
    bool HasInboundPassword,
    string? OutboundHost,
    int OutboundPort,
    string OutboundTransport,
    string? OutboundUserName,
    bool HasOutboundPassword,
    string CallerIdPolicy,
    string? CallerIdNumber,
    string? CountryCode,
    string? NationalPrefix,
    int MaxConcurrentCalls,
    int MaxCallsPerSecond,
    IReadOnlyList<string> AllowedDestinations,
    long Version)
{
    public static TrunkDto From(SipTrunk trunk) => new(
        trunk.Id,
        trunk.Name,
        trunk.AllowedAddresses,
        trunk.InboundUserName,
        trunk.InboundHa1Sha256 is not null,
        trunk.OutboundHost,
        trunk.OutboundPort,
        trunk.OutboundTransport,
        trunk.OutboundUserName,
        trunk.OutboundPasswordProtected is not null,
        trunk.CallerIdPolicy,
        trunk.CallerIdNumber,
        trunk.CountryCode,
        trunk.NationalPrefix,
        trunk.MaxConcurrentCalls,
        trunk.MaxCallsPerSecond,
        trunk.AllowedDestinations,
        trunk.Version);
}
