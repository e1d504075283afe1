using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Parley.Data;
using Parley.Data.Postgres;
using Parley.Data.Sqlite;
using Parley.Data.Tenancy;
using Parley.Server.Options;
using Parley.Server.Voice.Calls;

namespace Parley.Server.Extensions;

internal static class DataExtensions
{
    public const string ConnectionStringName = "Parley";

    public static IServiceCollection AddParleyData(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PublishedFlowCache>();
        services.AddSingleton<PublishedFlowInvalidation>();
        services.AddSingleton<Reports.StaleQuarterMarker>();
        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        // The options are built once, on first use (configuration is complete by then), and contexts come from EF's pool:
        // binding the section, touching the data directory and building EF's internal service scope for every context cost
        // more CPU than a small query (the scope alone was an eighth of the server's allocations under call load). A unit
        // of work rents one and attaches its own tenant; disposing the scope returns it, tenant forgotten.
        services.AddPooledDbContextFactory<ParleyDbContext>((sp, options) => Configure(options, configuration, sp));
        services.AddScoped(sp =>
        {
            var context = sp.GetRequiredService<IDbContextFactory<ParleyDbContext>>().CreateDbContext();
            context.AttachTenant(sp.GetRequiredService<ITenantContext>());
            return context;
        });
        return services;
    }

    private static void Configure(DbContextOptionsBuilder options, IConfiguration configuration, IServiceProvider services)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            options.UseParleyPostgres(connectionString
                ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is required when Parley:Database:Provider is Postgres."));
        }
        else
        {
            options.UseParleySqlite(connectionString ?? DefaultSqlite(configuration));
        }

        // Reports read "at most N rows; more is refused" with an unordered Take, where order does not matter; paged lists
        // order first (AdminLists.SortBy, Paging). Logged at Debug, not as a warning on every report.
        options.ConfigureWarnings(w => w.Log((CoreEventId.RowLimitingOperationWithoutOrderByWarning, LogLevel.Debug)));
        options.AddInterceptors(services.GetRequiredService<PublishedFlowInvalidation>(), services.GetRequiredService<Reports.StaleQuarterMarker>());
    }

    private static string DefaultSqlite(IConfiguration configuration)
    {
        var directory = Path.GetFullPath(configuration[$"{ParleyOptions.Section}:{nameof(ParleyOptions.DataDirectory)}"] ?? "./data");
        Persistence.PrivateDirectory.Ensure(directory);
        return $"Data Source={Path.Combine(directory, "parley.db")};Pooling=True;Default Timeout=30";
    }
}
