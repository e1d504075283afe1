using System.Text;
using Parley.Analytics.Intervals;
using Parley.Analytics.Records;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Reports;
using Parley.Server.Auth;

namespace Parley.Server.Api.Reports;

/// <summary>
/// <c>GET /api/v1/reports/{kind}</c> (<c>reports.read</c>): the caller's tenant's reports (<see cref="ReportKinds"/>) as
/// JSON (<c>?format=json</c>, the default), CSV (<c>Accept: text/csv</c> or <c>?format=csv</c>) or XLSX (<c>?format=xlsx</c>);
/// another format is a 400. Definitions in docs/reports.md.
/// </summary>
public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/{kind}", RunAsync).WithTags("Reports").RequirePermission(Permissions.ReportsRead)
            .WithSummary("A report of the tenant's records: queue, queues, agents, abandon, channels, dispositions, csat, ivr, ivr-paths")
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> RunAsync(
        HttpContext http, ReportService reports, string kind, DateTimeOffset? from, DateTimeOffset? to, string? interval, Guid? queue, Guid? agent,
        string? channel, string? format, CancellationToken ct)
    {
        if (from is null || to is null)
        {
            return ApiProblems.Invalid("to", "'from' and 'to' (ISO 8601) with 'to' after 'from'.");
        }

        if (!ReportQueryText.TryInterval(interval, out var rows))
        {
            return ApiProblems.Invalid("interval", "'15m', 'hour', 'day', 'week' or 'total'.");
        }

        if (!ReportQueryText.TryChannel(channel, out var only))
        {
            return ApiProblems.Invalid("channel", "'voice' or 'chat'.");
        }

        if (FormatQuery.Refusal(format, FormatQuery.Json, FormatQuery.Csv, FormatQuery.Xlsx) is { } badFormat)
        {
            return badFormat;
        }

        var request = new ReportRequest(from.Value, to.Value, rows, queue, agent, only);
        var result = await reports.RunAsync(CurrentActor.Require(http.User), kind, request, ct);
        if (result.Error is { } error)
        {
            return error.ToProblem();
        }

        var table = result.Value!;
        var name = $"{table.Kind}-{from.Value.UtcDateTime:yyyyMMdd}-{to.Value.UtcDateTime:yyyyMMdd}";
        return format switch
        {
            FormatQuery.Xlsx => TypedResults.File(await ReportXlsx.WriteAsync(table, ct), ReportXlsx.ContentType, name + ".xlsx"),
            FormatQuery.Csv => TypedResults.Text(ReportCsv.Write(table), "text/csv", Encoding.UTF8),
            not FormatQuery.Json when http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)) =>
                TypedResults.Text(ReportCsv.Write(table), "text/csv", Encoding.UTF8),
            _ => TypedResults.Ok(new
            {
                kind = table.Kind, title = table.Title, timeZone = table.TimeZone, interval = kind == ReportKinds.Queue ? interval ?? "hour" : "total",
                columns = table.Columns.Select(c => new { c.Key, c.Label, format = c.Format.ToString().ToLowerInvariant() }),
                rows = table.Rows.Select(table.ToObject),
                total = table.Total is null ? null : table.ToObject(table.Total),
                summary = (table.Summary ?? []).ToDictionary(f => f.Key, f => f.Value),
            }),
        };
    }
}
