using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Data;
using Parley.Domain.Tenants;
using Parley.Server.Demo;
using Parley.Server.Logging;
using Parley.Server.Options;

namespace Parley.Server.Tenants;

/// <summary>
/// Creates the platform tenant and its first operator on first start, when an operator password is configured (in demo
/// mode: the generated one in the demo secrets file).
/// </summary>
internal sealed class PlatformBootstrap(
    ParleyDbContext db, TenantAdministration tenants, IOptions<PlatformOptions> platform, IOptions<DemoOptions> demo, IServiceProvider services, ILogger<PlatformBootstrap> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await db.Tenants.AnyAsync(t => t.Slug == TenantSlug.Platform, cancellationToken))
        {
            return;
        }

        var password = platform.Value.OperatorPassword ?? (demo.Value.Enabled ? services.GetRequiredService<DemoCredentials>().OperatorPassword : null);
        if (password is null)
        {
            return;
        }

        var (tenant, result) = await tenants.CreateAsync(TenantSlug.Platform, "Platform operators", platform.Value.OperatorUserName, password, cancellationToken);
        if (tenant is null)
        {
            throw new InvalidOperationException("Parley:Platform:OperatorPassword is not accepted: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        Log.OperatorCreated(logger, platform.Value.OperatorUserName);
    }
}
