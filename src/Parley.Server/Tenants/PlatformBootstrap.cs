using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Data;
using Parley.Domain.Tenants;
using Parley.Server.Logging;
using Parley.Server.Options;

namespace Parley.Server.Tenants;

/// <summary>Creates the platform tenant and its first operator on first start, when an operator password is configured.</summary>
internal sealed class PlatformBootstrap(
    ParleyDbContext db, TenantAdministration tenants, IOptions<PlatformOptions> platform, IOptions<DemoOptions> demo, ILogger<PlatformBootstrap> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await db.Tenants.AnyAsync(t => t.Slug == TenantSlug.Platform, cancellationToken))
        {
            return;
        }

        var password = platform.Value.OperatorPassword ?? (demo.Value.Enabled ? DemoOptions.DefaultOperatorPassword : null);
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
