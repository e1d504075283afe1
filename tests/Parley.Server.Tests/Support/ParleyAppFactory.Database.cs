using Microsoft.Extensions.DependencyInjection;
using Parley.Data;

namespace Parley.Server.Tests.Support;

/// <summary>Direct database access, as an attacker with the file (or an operator checking erasure) would have.</summary>
public partial class ParleyAppFactory
{
    /// <summary>Runs <paramref name="work"/> on a context with no tenant set: tenant-owned rows need IgnoreQueryFilters.</summary>
    public async Task<T> WithDatabaseAsync<T>(Func<ParleyDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ParleyDbContext>());
    }
}
