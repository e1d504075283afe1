using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Parley.Server.Api.Trunks;
using Parley.Server.Tenants;
using Parley.Voice.Calls.Ports;
using Parley.Voice.Numbers;

namespace Parley.Server.Voice.Calls;

/// <summary>
/// The server's <see cref="IOutboundTrunks"/>: the tenant's oldest trunk with an outbound host that allows the number, its
/// password unprotected for the call.
/// </summary>
internal sealed class OutboundTrunks(IServiceScopeFactory scopes, IDataProtectionProvider protection) : IOutboundTrunks
{
    public async ValueTask<OutboundTrunk?> FindAsync(Guid tenantId, string e164, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.OpenTenant(tenantId, out var db);
        var trunks = await db.Set<Parley.Data.Entities.Voice.SipTrunk>().AsNoTracking()
            .Where(t => t.OutboundHost != null)
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .ToListAsync(cancellationToken);
        var trunk = trunks.FirstOrDefault(t => OutboundDestinations.Allows(t.AllowedDestinations, e164));
        if (trunk is null)
        {
            return null;
        }

        var password = trunk.OutboundPasswordProtected is { } sealedPassword
            ? protection.CreateProtector(TrunkRequestRules.OutboundPasswordPurpose).Unprotect(sealedPassword)
            : null;
        return new OutboundTrunk(
            trunk.Id, trunk.OutboundHost!, trunk.OutboundPort, trunk.OutboundTransport, trunk.OutboundUserName, password, trunk.CallerIdPolicy, trunk.CallerIdNumber);
    }
}
