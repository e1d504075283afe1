using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Parley.Server.Auth;
using Parley.Server.Logging;
using Parley.Server.Options;

namespace Parley.Server.Extensions;

/// <summary>Token buckets per client IP and per tenant, chained; a refused request gets 429, Retry-After and problem details.</summary>
internal static class RateLimitingExtensions
{
    public static IServiceCollection AddParleyRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddSingleton<RefusalLog>();
        services.AddHostedService(sp => sp.GetRequiredService<RefusalLog>());
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    RateLimitPartition.GetTokenBucketLimiter(
                        "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "local"),
                        _ => Bucket(limits.PerIpPerSecond, limits.PerIpBurst))),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    CurrentActor.From(context.User) is { } actor
                        ? RateLimitPartition.GetTokenBucketLimiter("tenant:" + actor.TenantId, _ => Bucket(limits.PerTenantPerSecond, limits.PerTenantBurst))
                        : RateLimitPartition.GetNoLimiter("anonymous")),
                // The tenant plan's API rate (docs/operations.md, "Plans"), keyed by the rate so a plan change starts afresh.
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    context.Items[Tenants.TenantApiRates.ItemKey] is int perMinute && CurrentActor.From(context.User) is { } actor
                        ? RateLimitPartition.GetTokenBucketLimiter($"plan:{actor.TenantId}:{perMinute}", _ => PerMinute(perMinute))
                        : RateLimitPartition.GetNoLimiter("no-plan-rate")));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                http.RequestServices.GetRequiredService<RefusalLog>().Count(
                    "rate-limit", CurrentActor.From(http.User) is { } actor ? "tenant " + actor.TenantId : http.Connection.RemoteIpAddress?.ToString());
                await Results.Problem(
                        statusCode: StatusCodes.Status429TooManyRequests,
                        title: "Too many requests",
                        detail: $"Slow down; retry after {retryAfter} s.")
                    .ExecuteAsync(http);
            };
        });
        return services;
    }

    private static TokenBucketRateLimiterOptions PerMinute(int perMinute) => new()
    {
        TokenLimit = perMinute,
        TokensPerPeriod = perMinute,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
