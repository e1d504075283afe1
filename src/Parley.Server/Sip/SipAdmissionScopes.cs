using System.Net;
using Parley.Server.Voice;
using Parley.Sip.Admission;
using Parley.Sip.Messages;
using Parley.Voice.Numbers;

namespace Parley.Server.Sip;

/// <summary>
/// Which tenant and trunk a new INVITE counts against, decided from the message and the in-memory
/// <see cref="NumberDirectory"/> alone (no database, no wait). A call to an assigned number counts against the number's
/// tenant and, when the source lies in an allowed address block of one of that tenant's trunks, against that trunk and
/// its own limits (as <see cref="InboundNumberResolver"/> would match it). A call to no known number from the address of
/// exactly one trunk counts against that trunk and its tenant (a trunk flooding unknown numbers spends its own
/// budget). Otherwise the tenant is the one whose SIP domain the Request-URI names, else the caller's own domain (a
/// registered phone calling out), else the called number's tenant.
/// Tenants are keyed by slug (as <c>Parley:Sip:Admission:Tenants:{slug}</c>), trunks by id; the tenant's plan cap on
/// concurrent calls comes from the directory too.
/// </summary>
public sealed class SipAdmissionScopes(SipRealms realms, NumberDirectory directory)
{
    public SipAdmissionScope Resolve(SipRequest request, IPEndPoint source)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(source);
        var snapshot = directory.Latest;
        var fromDirectory = snapshot is not null ? FromDirectory(snapshot, request, source.Address) : default;
        if (fromDirectory.Trunk is not null)
        {
            return fromDirectory with { TenantCallCap = snapshot?.CallCapOf(fromDirectory.Tenant) };
        }

        var tenant = realms.SlugOf(request.Uri.Host) ?? realms.SlugOf(request.From.Uri.Host) ?? fromDirectory.Tenant;
        return new SipAdmissionScope(Tenant: tenant, TenantCallCap: snapshot?.CallCapOf(tenant));
    }

    /// <summary>
    /// The scope the directory gives: the number's tenant with the trunk it came from (or with none), a lone trunk's
    /// scope for an unknown number, else <see cref="SipAdmissionScope.NodeOnly"/>.
    /// </summary>
    internal static SipAdmissionScope FromDirectory(NumberDirectorySnapshot snapshot, SipRequest request, IPAddress source)
    {
        if (source.IsIPv4MappedToIPv6)
        {
            source = source.MapToIPv4();
        }

        var fromTrunks = snapshot.TrunksAllowing(source);
        var called = request.Uri.User;
        if (!E164.TryNormalise(called, NumberingRule.None, out _) && request.To.Uri.User is { } toUser)
        {
            called = toUser;
        }

        if (!string.IsNullOrEmpty(called) && snapshot.TryFindNumber(called, fromTrunks, out _, out var number))
        {
            var trunk = fromTrunks.Find(t => t.TenantId == number.TenantId);
            return trunk is null ? new SipAdmissionScope(Tenant: number.TenantSlug) : Of(trunk);
        }

        return fromTrunks.Count == 1 ? Of(fromTrunks[0]) : SipAdmissionScope.NodeOnly;
    }

    private static SipAdmissionScope Of(DirectoryTrunk trunk) => new(trunk.TenantSlug, trunk.AdmissionKey, trunk.Limit);
}
