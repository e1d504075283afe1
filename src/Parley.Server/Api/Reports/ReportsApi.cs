using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Parley.Analytics.Intervals;
using Parley.Analytics.Reports;
using Parley.Data;
using Parley.Domain.Security;
using Parley.Domain.Tenants;
using Parley.Server.Api.Conventions;
using Parley.Server.Auth;

namespace Parley.Server.Api.Reports;

/// <summary>
/// <c>GET /api/v1/reports/queue</c> (<c>reports.read</c>): queue performance of the caller's tenant per interval in the
/// tenant's time zone, JSON or CSV (<c>Accept: text/csv</c> or <c>?format=csv</c>). Definitions in docs/reports.md.
/// </summary>
public static class ReportsApi
{
    /// <summary>The longest range one request may cover.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(93);

    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/queue", QueueAsync).WithTags("Reports").RequirePermission(Permissions.ReportsRead)
            .WithSummary("Queue performance per interval")
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> QueueAsync(
        HttpContext http, ParleyDbContext db, DateTimeOffset? from, DateTimeOffset? to, string? interval, Guid? queue, Guid? agent, string? format, CancellationToken ct)
    {
        if (from is null || to is null || to <= from || to - from > MaxRange)
        {
            return ApiProblems.Invalid("to", $"'from' and 'to' (ISO 8601) with 'to' after 'from', at most {MaxRange.TotalDays} days apart.");
        }

        if (!TryInterval(interval, out var kind))
        {
            return ApiProblems.Invalid("interval", "'15m', 'hour', 'day', 'week' or 'total'.");
        }

        var tenantId = CurrentActor.Require(http.User).TenantId;
        var zoneId = await db.Tenants.AsNoTracking().IgnoreQueryFilters().Where(t => t.Id == tenantId).Select(t => t.TimeZone).SingleOrDefaultAsync(ct);
        var zone = TenantTimeZone.TryFind(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        IntervalCalendar calendar;
        try
        {
            calendar = IntervalCalendar.Create(from.Value, to.Value, kind, zone);
        }
        catch (ArgumentOutOfRangeException)
        {
            return ApiProblems.Invalid("interval", $"At most {IntervalCalendar.MaxSlots} intervals; pick a longer interval.");
        }

        var contacts = await ReportRecordLoader.LoadContactsAsync(db, from.Value, to.Value, queue, agent, ct);
        if (contacts is null)
        {
            return ApiProblems.Invalid("to", $"More than {ReportRecordLoader.MaxRows} contacts; pick a shorter range.");
        }

        var thresholds = await ReportRecordLoader.LoadThresholdsAsync(db, ct);
        var result = QueuePerformanceReport.Calculate(contacts, calendar, q => thresholds.TryGetValue(q, out var t) ? t : null);
        var csv = format == "csv" || http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));
        return csv
            ? TypedResults.Text(Csv(result), "text/csv", Encoding.UTF8)
            : TypedResults.Ok(new { timeZone = zone.Id, interval = interval ?? "hour", rows = result.Rows.Select(QueueRowDto.From), total = QueueRowDto.From(result.Total) });
    }

    private static bool TryInterval(string? text, out ReportInterval interval)
    {
        interval = text switch
        {
            "15m" => ReportInterval.FifteenMinutes,
            null or "hour" => ReportInterval.Hour,
            "day" => ReportInterval.Day,
            "week" => ReportInterval.Week,
            "total" => ReportInterval.Total,
            _ => (ReportInterval)(-1),
        };
        return Enum.IsDefined(interval);
    }

    private static string Csv(ReportResult<QueueRow> result)
    {
        var text = new StringBuilder("start,end,offered,answered,abandoned,answered_in_threshold,transfers,service_level,asa_seconds,aht_seconds,avg_wait_seconds,max_wait_seconds\n");
        foreach (var row in result.Rows.Append(result.Total))
        {
            var d = QueueRowDto.From(row);
            text.Append(CultureInfo.InvariantCulture,
                $"{d.Start:O},{d.End:O},{d.Offered},{d.Answered},{d.Abandoned},{d.AnsweredInThreshold},{d.Transfers},{d.ServiceLevel},{d.AverageSpeedOfAnswerSeconds},{d.AverageHandleTimeSeconds},{d.AverageWaitSeconds},{d.MaxWaitSeconds}\n");
        }

        return text.ToString();
    }
}
