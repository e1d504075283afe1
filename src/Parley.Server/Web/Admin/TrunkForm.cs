using Parley.Server.Api.Trunks;

namespace Parley.Server.Web.Admin;

/// <summary>
/// A SIP trunk being edited: the form binds these; <see cref="ToRequest"/> is the REST API's body. Passwords are write-only:
/// an empty password field is sent as absent, which keeps the stored one.
/// </summary>
public sealed class TrunkForm
{
    public static readonly IReadOnlyList<string> Transports = ["udp", "tcp", "tls"];
    public static readonly IReadOnlyList<string> CallerIdPolicies = ["PassThrough", "Fixed", "CalledNumber"];

    private TrunkDto? _read;

    public string Name { get; set; } = "";

    /// <summary>IP addresses or CIDR blocks that may send calls, one per line (or comma-separated).</summary>
    public string AllowedAddresses { get; set; } = "";

    public string InboundUserName { get; set; } = "";

    public string InboundPassword { get; set; } = "";

    public string OutboundHost { get; set; } = "";

    public int OutboundPort { get; set; } = 5060;

    public string OutboundTransport { get; set; } = "udp";

    public string OutboundUserName { get; set; } = "";

    public string OutboundPassword { get; set; } = "";

    public string CallerIdPolicy { get; set; } = "PassThrough";

    public string CallerIdNumber { get; set; } = "";

    public string CountryCode { get; set; } = "";

    public string NationalPrefix { get; set; } = "";

    public int MaxConcurrentCalls { get; set; } = 30;

    public int MaxCallsPerSecond { get; set; } = 10;

    /// <summary>E.164 prefixes outbound calls may go to, one per line (empty: anywhere).</summary>
    public string AllowedDestinations { get; set; } = "";

    public bool HasInboundPassword => _read?.HasInboundPassword ?? false;

    public bool HasOutboundPassword => _read?.HasOutboundPassword ?? false;

    /// <summary>The version read; an update sends it back (REST's If-Match).</summary>
    public long? Version => _read?.Version;

    public static TrunkForm From(TrunkDto t) => new()
    {
        _read = t,
        Name = t.Name,
        AllowedAddresses = string.Join('\n', t.AllowedAddresses),
        InboundUserName = t.InboundUserName ?? "",
        OutboundHost = t.OutboundHost ?? "",
        OutboundPort = t.OutboundPort,
        OutboundTransport = t.OutboundTransport,
        OutboundUserName = t.OutboundUserName ?? "",
        CallerIdPolicy = t.CallerIdPolicy,
        CallerIdNumber = t.CallerIdNumber ?? "",
        CountryCode = t.CountryCode ?? "",
        NationalPrefix = t.NationalPrefix ?? "",
        MaxConcurrentCalls = t.MaxConcurrentCalls,
        MaxCallsPerSecond = t.MaxCallsPerSecond,
        AllowedDestinations = string.Join('\n', t.AllowedDestinations),
    };

    public TrunkRequest ToRequest() => new(
        Name.Trim(),
        Lines(AllowedAddresses),
        Text(InboundUserName),
        Secret(InboundPassword),
        Text(OutboundHost),
        OutboundPort,
        OutboundTransport,
        Text(OutboundUserName),
        Secret(OutboundPassword),
        CallerIdPolicy,
        CallerIdPolicy == "Fixed" ? Text(CallerIdNumber) : null,
        Text(CountryCode),
        Text(NationalPrefix),
        MaxConcurrentCalls,
        MaxCallsPerSecond,
        Lines(AllowedDestinations));

    private static string[] Lines(string text) => text.Split(['\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Text(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A password as typed (not trimmed: spaces may be part of it); empty means "keep the stored one".</summary>
    private static string? Secret(string text) => text.Length == 0 ? null : text;
}
