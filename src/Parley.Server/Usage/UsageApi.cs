using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Domain.Security;
using Parley.Domain.Tenants;
using Parley.Server.Api.Conventions;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Usage;

/// <summary>
/// <c>/api/v1/usage</c> (the caller's tenant, <c>reports.read</c>) and <c>/api/v1/platform/usage</c> (every tenant,
/// <c>platform.tenants.read</c>); both in CSV with <c>Accept: text/csv</c> or <c>?format=csv</c>, another format a 400. Days are
/// the tenant's local days; <c>interval=month</c> sums each month (the seat peak is the month's highest day).
/// </summary>
public static class UsageApi
{
    /// <summary>The longest range one request may cover.</summary>
    public const int MaxDays = 93;

    public static RouteGroupBuilder MapUsageApi(this RouteGroupBuilder api)
    {
        api.MapGet("/usage", TenantAsync).WithTags("Usage").RequirePermission(Permissions.ReportsRead);
        api.MapGet("/platform/usage", PlatformAsync).WithTags("Platform").RequirePermission(Permissions.PlatformTenantsRead);
        api.MapPost("/platform/usage/rebuild", RebuildAsync).WithTags("Platform").RequirePermission(Permissions.PlatformTenantsWrite).Audited("usage.rebuild")
            .WithSummary("Store the usage of closed days again from the raw records (every tenant, or ?tenantId=)");
        return api;
    }

    private static async Task<IResult> TenantAsync(
        HttpContext http, UsageReader reader, DateOnly? from, DateOnly? to, string? interval, string? format, CancellationToken ct)
    {
        if (Check(from, to, interval, format) is { } invalid)
        {
            return invalid;
        }

        var rows = Group(await reader.ReadAsync(CurrentActor.Require(http.User).TenantId, from!.Value, to!.Value, ct), interval);
        if (!WantsCsv(http, format))
        {
            return TypedResults.Ok(new { from, to, interval = interval ?? "day", items = rows });
        }

        var text = new StringBuilder("period,meter,dimension,quantity\n");
        foreach (var row in rows)
        {
            AppendCsv(text, row);
        }

        return TypedResults.Text(text.ToString(), "text/csv", Encoding.UTF8);
    }

    private static async Task<IResult> PlatformAsync(
        HttpContext http, UsageReader reader, ParleyDbContext db, DateOnly? from, DateOnly? to, string? interval, string? format, CancellationToken ct)
    {
        if (Check(from, to, interval, format) is { } invalid)
        {
            return invalid;
        }

        var tenants = await db.Tenants.AsNoTracking().Where(t => t.Slug != TenantSlug.Platform).OrderBy(t => t.Slug).Select(t => new { t.Id, t.Slug }).ToListAsync(ct);
        var items = new List<(Guid TenantId, string Slug, UsageRow Row)>();
        foreach (var tenant in tenants)
        {
            items.AddRange(Group(await reader.ReadAsync(tenant.Id, from!.Value, to!.Value, ct), interval).Select(r => (tenant.Id, tenant.Slug, r)));
        }

        if (!WantsCsv(http, format))
        {
            return TypedResults.Ok(new { from, to, interval = interval ?? "day", items = items.Select(i => new { tenantId = i.TenantId, tenant = i.Slug, i.Row.Day, i.Row.Meter, i.Row.Dimension, i.Row.Quantity }) });
        }

        var text = new StringBuilder("tenant_id,tenant,period,meter,dimension,quantity\n");
        foreach (var (tenantId, slug, row) in items)
        {
            text.Append(CultureInfo.InvariantCulture, $"{tenantId:D},{slug},");
            AppendCsv(text, row);
        }

        return TypedResults.Text(text.ToString(), "text/csv", Encoding.UTF8);
    }

    private static async Task<IResult> RebuildAsync(UsageJob job, ParleyDbContext db, DateOnly? from, DateOnly? to, Guid? tenantId, CancellationToken ct)
    {
        if (Check(from, to, null) is { } invalid)
        {
            return invalid;
        }

        var tenants = await db.Tenants.AsNoTracking().Where(t => t.Slug != TenantSlug.Platform && (tenantId == null || t.Id == tenantId)).Select(t => t.Id).ToListAsync(ct);
        if (tenantId is not null && tenants.Count == 0)
        {
            return ApiProblems.NotFound();
        }

        var days = 0;
        foreach (var tenant in tenants)
        {
            days += await job.RebuildAsync(tenant, from!.Value, to!.Value, ct);
        }

        return TypedResults.Ok(new { tenants = tenants.Count, days });
    }

    private static IResult? Check(DateOnly? from, DateOnly? to, string? interval, string? format) =>
        Check(from, to, interval) ?? FormatQuery.Refusal(format, FormatQuery.Json, FormatQuery.Csv);

    private static bool WantsCsv(HttpContext http, string? format) =>
        format == FormatQuery.Csv
        || (format != FormatQuery.Json && http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)));

    /// <summary>A row's period, meter, quoted dimension and quantity, and the line's end.</summary>
    private static void AppendCsv(StringBuilder text, UsageRow row) =>
        text.Append(CultureInfo.InvariantCulture, $"{row.Day:yyyy-MM-dd},{row.Meter},\"{row.Dimension.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{row.Quantity}\n");

    private static IResult? Check(DateOnly? from, DateOnly? to, string? interval) =>
        from is null ? ApiProblems.Invalid("from", "A date (yyyy-MM-dd), in the tenant's time zone.")
        : to is null ? ApiProblems.Invalid("to", "A date (yyyy-MM-dd), inclusive.")
        : to < from || to.Value.DayNumber - from.Value.DayNumber >= MaxDays ? ApiProblems.Invalid("to", $"On or after 'from', at most {MaxDays} days later.")
        : interval is not (null or "day" or "month") ? ApiProblems.Invalid("interval", "'day' or 'month'.")
        : null;

    private static List<UsageRow> Group(List<UsageRow> days, string? interval) =>
        interval != "month"
            ? days
            : [.. days.GroupBy(r => (Month: new DateOnly(r.Day.Year, r.Day.Month, 1), r.Meter, r.Dimension))
                .Select(g => new UsageRow(g.Key.Month, g.Key.Meter, g.Key.Dimension, g.Key.Meter == UsageMeters.SeatPeak ? g.Max(r => r.Quantity) : g.Sum(r => r.Quantity)))];
}
