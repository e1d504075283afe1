using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Parley.Data.Tenancy;

namespace Parley.Data.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for SQLite.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<ParleyDbContext>
{
    public ParleyDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ParleyDbContext>();
        options.UseParleySqlite("Data Source=design.db");
        return ParleyDbContext.Create(options.Options, new TenantContext());
    }
}
