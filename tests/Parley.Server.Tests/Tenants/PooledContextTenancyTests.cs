using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Data;
using Parley.Data.Tenancy;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Tenants;

/// <summary>
/// The server's contexts come from EF's pool: a context sees its own unit of work's tenant only, forgets it when the
/// scope ends (before another scope can rent it), and a scope without a tenant sees no tenant's rows.
/// </summary>
public sealed class PooledContextTenancyTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_context_returned_to_the_pool_has_forgotten_its_tenant()
    {
        var demo = await factory.DemoTenantIdAsync();
        ParleyDbContext rented;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(demo);
            rented = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            Assert.Equal(demo, rented.CurrentTenantId);
            Assert.NotEqual(0, await rented.Agents.CountAsync(Ct));
        }

        Assert.Null(rented.CurrentTenantId);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            Assert.Null(db.CurrentTenantId);
            Assert.Equal(0, await db.Agents.CountAsync(Ct));
            Assert.NotEqual(0, await db.Agents.IgnoreQueryFilters().CountAsync(Ct));
        }
    }

    [Fact]
    public async Task A_context_rented_before_the_scope_knows_its_tenant_follows_it_and_sees_only_that_tenant()
    {
        var demo = await factory.DemoTenantIdAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        Assert.Equal(0, await db.Agents.CountAsync(Ct));

        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(demo);

        var agents = await db.Agents.Select(a => a.TenantId).Distinct().ToListAsync(Ct);
        Assert.Equal([demo], agents);
    }

    [Fact]
    public async Task Contexts_rented_at_the_same_time_by_two_tenants_each_see_their_own()
    {
        var demo = await factory.DemoTenantIdAsync();
        var other = Guid.CreateVersion7();
        await Task.WhenAll(Enumerable.Range(0, 64).Select(async i =>
        {
            var tenant = i % 2 == 0 ? demo : other;
            await using var scope = factory.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            var seen = await db.Agents.Select(a => a.TenantId).Distinct().ToListAsync(Ct);
            Assert.Equal(tenant == demo ? [demo] : [], seen);
        }));
    }
}
