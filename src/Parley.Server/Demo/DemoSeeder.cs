using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Api.ApiClients;
using Parley.Server.Logging;
using Parley.Server.Sip;
using Parley.Server.Tenants;

namespace Parley.Server.Demo;

/// <summary>
/// Seeds tenant <c>demo</c>: an admin, a supervisor, three agents (with skills, in queues Sales and Support) and the API
/// client <c>demo-api</c>. Idempotent.
/// </summary>
internal sealed class DemoSeeder(IServiceScopeFactory scopes, TenantAdministration tenants, IServiceProvider services, TimeProvider time, ILogger<DemoSeeder> logger)
{
    public const string TenantSlug = "demo";
    public const string ApiClientId = "demo-api";

    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role)> Users =
    [
        ("admin", "Ada Admin", BuiltInRoles.TenantAdmin),
        ("supervisor", "Sam Supervisor", BuiltInRoles.Supervisor),
        ("agent1", "Alice Agent", BuiltInRoles.Agent),
        ("agent2", "Bob Agent", BuiltInRoles.Agent),
        ("agent3", "Carol Agent", BuiltInRoles.Agent),
    ];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var demo = services.GetRequiredService<DemoCredentials>();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Slug == TenantSlug, cancellationToken)
            ?? (await tenants.CreateAsync(TenantSlug, "Demo Contact Center", null, null, cancellationToken)).Tenant!;
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant.Id);

        var manager = scope.ServiceProvider.GetRequiredService<UserManager<ParleyUser>>();
        var missing = new List<(ParleyUser User, string Password, string Role)>();
        foreach (var (userName, displayName, role) in Users)
        {
            if (await manager.FindByNameAsync(userName) is not null)
            {
                continue;
            }

            var password = role switch
            {
                BuiltInRoles.TenantAdmin => demo.AdminPassword,
                BuiltInRoles.Supervisor => demo.SupervisorPassword,
                _ => demo.AgentPassword,
            };
            var user = new ParleyUser { Id = Guid.CreateVersion7(), TenantId = tenant.Id, UserName = userName, DisplayName = displayName, CreatedAt = time.GetUtcNow() };
            foreach (var validator in manager.PasswordValidators)
            {
                ThrowUnlessAccepted(user, await validator.ValidateAsync(manager, user, password));
            }

            missing.Add((user, password, role));
        }

        // Password hashing (PBKDF2 at Identity's iteration count) dominates a first start: hash on every core at once,
        // then store the users one by one as UserManager.CreateAsync(user, password) would.
        var hashes = await Task.WhenAll(missing.Select(m => Task.Run(() => manager.PasswordHasher.HashPassword(m.User, m.Password), cancellationToken)));
        for (var i = 0; i < missing.Count; i++)
        {
            var (user, _, role) = missing[i];
            user.PasswordHash = hashes[i];
            ThrowUnlessAccepted(user, await manager.CreateAsync(user));
            await manager.AddToRoleAsync(user, role);
        }

        if (!await db.ApiClients.AnyAsync(c => c.ClientId == ApiClientId, cancellationToken))
        {
            var registrar = scope.ServiceProvider.GetRequiredService<ApiClientRegistrar>();
            await registrar.CreateAsync(tenant.Id, "Demo integration", BuiltInRoles.ForTenant[BuiltInRoles.ApiClient], ApiClientId, demo.ApiClientSecret, cancellationToken);
        }

        await DemoRoutingSeeder.RunAsync(db, tenant.Id, time.GetUtcNow(), cancellationToken);
        await DemoSipSeeder.RunAsync(db, tenant.Id, scope.ServiceProvider.GetRequiredService<SipRealms>().For(TenantSlug), demo.SipPassword, time.GetUtcNow(), cancellationToken);
        await DemoVoiceSeeder.RunAsync(db, tenant.Id, time.GetUtcNow(), cancellationToken);
        await DemoChatSeeder.RunAsync(db, tenant.Id, time.GetUtcNow(), cancellationToken);
        await DemoCannedResponseSeeder.RunAsync(db, tenant.Id, time.GetUtcNow(), cancellationToken);
        services.GetRequiredService<Voice.NumberDirectory>().Invalidate();
        Log.DemoSeeded(logger, TenantSlug);
    }

    private static void ThrowUnlessAccepted(ParleyUser user, IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo password for '{user.UserName}' is not accepted: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
