using Microsoft.EntityFrameworkCore;
using Parley.Data.Sqlite;

namespace Parley.Data.Tests;

public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"parley-data-{Guid.NewGuid():N}.db");

    protected override Task<DbContextOptions<ParleyDbContext>> CreateOptionsAsync()
    {
        var builder = new DbContextOptionsBuilder<ParleyDbContext>();
        builder.UseParleySqlite($"Data Source={_path};Pooling=False");
        return Task.FromResult(builder.Options);
    }

    public override ValueTask DisposeAsync()
    {
        File.Delete(_path);
        return ValueTask.CompletedTask;
    }
}
