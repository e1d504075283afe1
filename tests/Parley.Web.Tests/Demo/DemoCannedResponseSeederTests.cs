using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Data;
using Parley.Server.Demo;
using Parley.Web.Tests.Support;

namespace Parley.Web.Tests.Demo;

/// <summary>The demo tenant comes with the tenant canned responses the README's <c>/shortcut</c> advertises, seeded once.</summary>
public sealed class DemoCannedResponseSeederTests : IAsyncDisposable
{
    private readonly WebAppFactory _server = new();

    [Fact]
    public async Task The_demo_tenant_has_tenant_canned_responses_and_seeding_again_adds_none()
    {
        _ = _server.Services;
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var tenantId = await db.Tenants.Where(t => t.Slug == WebAppFactory.Tenant).Select(t => t.Id).SingleAsync(TestContext.Current.CancellationToken);

        async Task<List<string>> ShortcutsAsync() => await db.CannedResponses.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.TenantId == tenantId && c.OwnerUserId == null).Select(c => c.Shortcut).OrderBy(s => s)
            .ToListAsync(TestContext.Current.CancellationToken);

        var first = await ShortcutsAsync();
        Assert.Contains("hello", first);
        Assert.Equal(DemoCannedResponseSeeder.Responses.Length, first.Count);

        await DemoCannedResponseSeeder.RunAsync(db, tenantId, DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken);

        Assert.Equal(first, await ShortcutsAsync());
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
