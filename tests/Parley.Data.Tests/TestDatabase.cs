using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Tenancy;

namespace Parley.Data.Tests;

/// <summary>One migrated database of one provider, and contexts bound to a tenant (or to none).</summary>
public abstract class TestDatabase : IAsyncLifetime
{
    protected abstract Task<DbContextOptions<ParleyDbContext>> CreateOptionsAsync();

    public DbContextOptions<ParleyDbContext> Options { get; private set; } = null!;

    public ParleyDbContext For(Guid? tenantId)
    {
        var tenant = new TenantContext();
        if (tenantId is { } id)
        {
            tenant.Set(id);
        }

        return ParleyDbContext.Create(Options, tenant);
    }

    public async ValueTask InitializeAsync()
    {
        Options = await CreateOptionsAsync();
        await using var db = For(null);
        await db.Database.MigrateAsync();
    }

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
