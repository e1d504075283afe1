using System.Net;
using Parley.Domain.Tenants;
using Parley.Server.Sip;
using Parley.Server.Tenants;
using Parley.Sip.Auth;
using Parley.Sip.Defence;
using Parley.Sip.Stack;
using Parley.Voice.Numbers;

namespace Parley.Server.Voice;

/// <summary>
/// The server's <see cref="IInboundNumberResolver"/>: Request-URI user (else To user) → E.164 → owning tenant → its
/// target, and the source → one of that tenant's trunks (allowed address first, then the trunk's digest credential).
/// A phone of a tenant (From host is a tenant SIP domain) authenticates as a user instead. Everything is answered from
/// the in-memory <see cref="NumberDirectory"/> and <see cref="TenantStatusCache"/>.
/// </summary>
internal sealed class InboundNumberResolver : IInboundNumberResolver
{
    private static readonly AsyncLocal<string?> ChallengeRealm = new();
    private readonly NumberDirectory _directory;
    private readonly TenantStatusCache _tenants;
    private readonly SipRealms _realms;
    private readonly SipDigestAuthenticator _trunkAuthenticator;

    /// <summary>Trunk digest failures count in the same <paramref name="guard"/> as users' (blocked sources, metrics, fail2ban line).</summary>
    public InboundNumberResolver(
        NumberDirectory directory, TenantStatusCache tenants, SipRealms realms, SipAuthGuard guard, TimeProvider time, ILoggerFactory loggers)
    {
        _directory = directory;
        _tenants = tenants;
        _realms = realms;
        var options = new SipDigestOptions { RealmSelector = _ => ChallengeRealm.Value };
        _trunkAuthenticator = new SipDigestAuthenticator(options, new TrunkCredentialStore(directory), time, loggers.CreateLogger("Parley.Sip.Auth"), guard);
    }

    public async ValueTask<InboundResolution> ResolveAsync(SipIncomingCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var request = call.Request;
        var called = call.CalledUser;
        if (!E164.TryNormalise(called, NumberingRule.None, out _) && request.To.Uri.User is { } toUser)
        {
            called = toUser;
        }

        if (string.IsNullOrEmpty(called))
        {
            return InboundResolution.NotANumber;
        }

        var source = call.Client.Address;
        if (source.IsIPv4MappedToIPv6)
        {
            source = source.MapToIPv4();
        }

        var directory = await _directory.GetAsync(cancellationToken).ConfigureAwait(false);
        var fromTrunks = directory.TrunksAllowing(source);
        if (!directory.TryFindNumber(called, fromTrunks, out var e164, out var number))
        {
            return e164 is null ? InboundResolution.NotANumber : InboundResolution.Unknown(e164);
        }

        var status = await _tenants.GetAsync(number.TenantId, cancellationToken).ConfigureAwait(false);
        if (status is not { } tenantStatus)
        {
            return Resolved(InboundOutcome.TenantUnavailable, e164!, number, null);
        }

        if (tenantStatus != TenantStatus.Active)
        {
            return Resolved(InboundOutcome.TenantSuspended, e164!, number, null);
        }

        foreach (var trunk in fromTrunks)
        {
            if (trunk.TenantId == number.TenantId)
            {
                return Resolved(InboundOutcome.Accepted, e164!, number, trunk.Id);
            }
        }

        if (_realms.SlugOf(request.From.Uri.Host) is not null)
        {
            return Resolved(InboundOutcome.AuthenticateAsUser, e164!, number, null);
        }

        return await AuthenticateTrunkAsync(call, source, e164!, number, directory, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<InboundResolution> AuthenticateTrunkAsync(
        SipIncomingCall call, IPAddress source, string e164, DirectoryNumber number, NumberDirectorySnapshot directory, CancellationToken cancellationToken)
    {
        var realm = _realms.For(number.TenantSlug);
        var digestTrunks = directory.TrunksOf(number.TenantId).Where(t => t.InboundUserName is not null).ToList();
        if (digestTrunks.Count == 0)
        {
            return Resolved(InboundOutcome.SourceNotAllowed, e164, number, null);
        }

        ChallengeRealm.Value = realm;
        var result = await _trunkAuthenticator.AuthenticateAsync(call.Request, source, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return Resolved(InboundOutcome.Challenge, e164, number, null) with { Challenge = result.Challenge };
        }

        var trunk = digestTrunks.FirstOrDefault(t => t.InboundUserName == result.Username && result.TenantId == number.TenantId.ToString());
        return trunk is null
            ? Resolved(InboundOutcome.SourceNotAllowed, e164, number, null)
            : Resolved(InboundOutcome.Accepted, e164, number, trunk.Id);
    }

    private static InboundResolution Resolved(InboundOutcome outcome, string e164, DirectoryNumber number, Guid? trunkId) =>
        new(outcome, e164, number.TenantId, number.TargetKind, number.TargetId, trunkId, NumberId: number.Id);
}
