using Microsoft.EntityFrameworkCore;
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
        services.AddDbContext<ParleyDbContext>((sp, options) =>
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

            options.AddInterceptors(sp.GetRequiredService<PublishedFlowInvalidation>(), sp.GetRequiredService<Reports.StaleQuarterMarker>());
        });
        return services;
    }

    private static string DefaultSqlite(IConfiguration configuration)
    {
        var directory = Path.GetFullPath(configuration[$"{ParleyOptions.Section}:{nameof(ParleyOptions.DataDirectory)}"] ?? "./data");
        Directory.CreateDirectory(directory);
        return $"Data Source={Path.Combine(directory, "parley.db")};Pooling=True;Default Timeout=30";
    }
}
