using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Data;
using Parley.Domain.Security;
using Parley.Server.Tenants;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Tenants;

/// <summary>
/// A tenant created before a release added a permission (as the demo tenant was before <c>recordings.listen</c>) gets it on
/// its built-in roles at the next start, and custom roles are left as their admins made them.
/// </summary>
public sealed class BuiltInRoleSyncTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABuiltInRoleMissingANewPermission_GetsIt_AndACustomRoleKeepsItsOwnList()
    {
        var tenantId = await factory.DemoTenantIdAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            var supervisor = await db.Roles.IgnoreQueryFilters().SingleAsync(r => r.TenantId == tenantId && r.Name == BuiltInRoles.Supervisor, Ct);
            supervisor.SetPermissions(supervisor.GetPermissions().Where(p => p != Permissions.RecordingsListen));
            db.Roles.Add(new Parley.Data.Entities.ParleyRole
            {
                Id = Guid.NewGuid(), TenantId = tenantId, Name = "listeners-only", NormalizedName = "LISTENERS-ONLY", PermissionList = Permissions.RecordingsListen,
            });
            await db.SaveChangesAsync(Ct);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            Assert.Equal(1, await new BuiltInRoleSync(db).RunAsync(Ct));
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            var roles = await db.Roles.IgnoreQueryFilters().AsNoTracking().Where(r => r.TenantId == tenantId).ToListAsync(Ct);
            Assert.Contains(Permissions.RecordingsListen, roles.Single(r => r.Name == BuiltInRoles.Supervisor).GetPermissions());
            Assert.Equal([Permissions.RecordingsListen], roles.Single(r => r.Name == "listeners-only").GetPermissions());
            Assert.Equal(0, await new BuiltInRoleSync(db).RunAsync(Ct));
        }
    }
}
