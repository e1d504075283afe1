using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Voice;
using Parley.Server.Api.Conventions;
using Parley.Server.Sip;
using Parley.Voice.Numbers;

namespace Parley.Server.Api.Trunks;

/// <summary>Checks a trunk body (addresses, credentials, caller ID, limits) and copies it onto the row.</summary>
internal static class TrunkRequestRules
{
    public const string OutboundPasswordPurpose = "Parley.Trunks.OutboundPassword";

    private static readonly string[] Transports = ["udp", "tcp", "tls"];
    private static readonly string[] CallerIdPolicies = ["PassThrough", "Fixed", "CalledNumber"];

    public static async Task<IResult?> ApplyAsync(
        TrunkRequest request, SipTrunk trunk, ParleyDbContext db, SipRealms realms, IDataProtectionProvider protection, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var (blocks, bad) = TrunkAddresses.Canonicalise(request.AllowedAddresses ?? []);
        if (blocks is null)
        {
            errors["allowedAddresses"] = [$"'{bad}' is not an IPv4 or IPv6 address or CIDR block (host bits must be zero)."];
        }

        var destinations = request.AllowedDestinations ?? [];
        if (destinations.FirstOrDefault(d => !OutboundDestinations.IsPrefix(d)) is { } badPrefix)
        {
            errors["allowedDestinations"] = [$"'{badPrefix}' is not an E.164 prefix: '+' and 1 to 15 digits, like +1 or +4420."];
        }

        var transport = (request.OutboundTransport ?? "udp").ToLowerInvariant();
        if (!Transports.Contains(transport))
        {
            errors["outboundTransport"] = ["udp, tcp or tls."];
        }

        var policy = request.CallerIdPolicy ?? "PassThrough";
        if (!CallerIdPolicies.Contains(policy))
        {
            errors["callerIdPolicy"] = ["PassThrough, Fixed or CalledNumber."];
        }

        string? callerId = null;
        if (policy == "Fixed")
        {
            if (request.CallerIdNumber is null || !E164.TryParseInternational(request.CallerIdNumber, out var fixedNumber))
            {
                errors["callerIdNumber"] = ["A fixed caller ID is one of the tenant's E.164 numbers."];
            }
            else if (!await db.Set<PhoneNumber>().AnyAsync(n => n.Number == fixedNumber, ct))
            {
                errors["callerIdNumber"] = ["The tenant owns no such number."];
            }
            else
            {
                callerId = fixedNumber;
            }
        }

        if (request.NationalPrefix is not null && request.CountryCode is null)
        {
            errors["nationalPrefix"] = ["A national prefix needs a country code."];
        }

        var inboundUserChanged = request.InboundUserName != trunk.InboundUserName;
        if (request.InboundUserName is not null && request.InboundPassword is null && (inboundUserChanged || trunk.InboundHa1Sha256 is null))
        {
            errors["inboundPassword"] = ["Set the inbound password with the inbound user name."];
        }

        if (request.InboundUserName is null && request.InboundPassword is not null)
        {
            errors["inboundUserName"] = ["An inbound password needs an inbound user name."];
        }

        var outboundUserChanged = request.OutboundUserName != trunk.OutboundUserName;
        if (request.OutboundUserName is not null && request.OutboundPassword is null && (outboundUserChanged || trunk.OutboundPasswordProtected is null))
        {
            errors["outboundPassword"] = ["Set the outbound password with the outbound user name."];
        }

        if (request.OutboundUserName is not null && request.OutboundHost is null)
        {
            errors["outboundHost"] = ["Outbound credentials need an outbound host."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        if (await db.Set<SipTrunk>().AnyAsync(t => t.Name == request.Name && t.Id != trunk.Id, ct))
        {
            return ApiProblems.Conflict($"A trunk named '{request.Name}' exists already.");
        }

        if (request.InboundUserName is not null && await db.Set<SipTrunk>().AnyAsync(t => t.InboundUserName == request.InboundUserName && t.Id != trunk.Id, ct))
        {
            return ApiProblems.Conflict($"Another trunk authenticates as '{request.InboundUserName}'.");
        }

        trunk.Name = request.Name;
        trunk.AllowedAddresses = blocks!;
        trunk.AllowedDestinations = [.. destinations.Distinct(StringComparer.Ordinal)];
        await ApplyInboundAsync(request, trunk, db, realms, ct);
        trunk.OutboundHost = request.OutboundHost;
        trunk.OutboundPort = request.OutboundPort ?? 5060;
        trunk.OutboundTransport = transport;
        trunk.OutboundUserName = request.OutboundUserName;
        if (request.OutboundUserName is null)
        {
            trunk.OutboundPasswordProtected = null;
        }
        else if (request.OutboundPassword is not null)
        {
            trunk.OutboundPasswordProtected = protection.CreateProtector(OutboundPasswordPurpose).Protect(request.OutboundPassword);
        }

        trunk.CallerIdPolicy = policy;
        trunk.CallerIdNumber = callerId;
        trunk.CountryCode = request.CountryCode;
        trunk.NationalPrefix = request.NationalPrefix;
        trunk.MaxConcurrentCalls = request.MaxConcurrentCalls ?? 30;
        trunk.MaxCallsPerSecond = request.MaxCallsPerSecond ?? 10;
        return null;
    }

    private static async Task ApplyInboundAsync(TrunkRequest request, SipTrunk trunk, ParleyDbContext db, SipRealms realms, CancellationToken ct)
    {
        trunk.InboundUserName = request.InboundUserName;
        if (request.InboundUserName is null)
        {
            (trunk.InboundRealm, trunk.InboundHa1Md5, trunk.InboundHa1Sha256) = (null, null, null);
            return;
        }

        if (request.InboundPassword is null)
        {
            return;
        }

        var slug = await db.Tenants.AsNoTracking().Where(t => t.Id == trunk.TenantId).Select(t => t.Slug).SingleAsync(ct);
        var realm = realms.For(slug);
        trunk.InboundRealm = realm;
        trunk.InboundHa1Md5 = SipHa1.Md5(request.InboundUserName, realm, request.InboundPassword);
        trunk.InboundHa1Sha256 = SipHa1.Sha256(request.InboundUserName, realm, request.InboundPassword);
    }
}
