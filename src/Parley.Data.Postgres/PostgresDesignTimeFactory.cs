using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Parley.Data.Tenancy;

namespace Parley.Data.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for PostgreSQL (no connection is opened).</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<ParleyDbContext>
{
    public ParleyDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ParleyDbContext>();
        options.UseParleyPostgres("Host=localhost;Database=parley");
        return ParleyDbContext.Create(options.Options, new TenantContext());
    }
}
