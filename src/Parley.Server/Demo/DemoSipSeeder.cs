using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Sip;
using Parley.Server.Sip;

namespace Parley.Server.Demo;

/// <summary>SIP credentials for the demo agents (agent1..3, password <c>Parley:Demo:SipPassword</c>), so softphones can register at once.</summary>
internal static class DemoSipSeeder
{
    public static readonly IReadOnlyList<string> UserNames = ["agent1", "agent2", "agent3"];

    /// <summary>Adds the missing credentials; the tenant context of <paramref name="db"/> must be the demo tenant.</summary>
    public static async Task RunAsync(ParleyDbContext db, Guid tenantId, string realm, string password, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var users = await db.Users.Where(u => UserNames.Contains(u.UserName!)).Select(u => new { u.Id, u.UserName }).ToListAsync(cancellationToken);
        var existing = await db.Set<SipCredential>().Select(c => c.SipUserName).ToListAsync(cancellationToken);
        foreach (var user in users)
        {
            if (existing.Contains(user.UserName!))
            {
                continue;
            }

            db.Set<SipCredential>().Add(new SipCredential
            {
                Id = Guid.CreateVersion7(),
                TenantId = tenantId,
                UserId = user.Id,
                SipUserName = user.UserName!,
                Realm = realm,
                Ha1Md5 = SipHa1.Md5(user.UserName!, realm, password),
                Ha1Sha256 = SipHa1.Sha256(user.UserName!, realm, password),
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
