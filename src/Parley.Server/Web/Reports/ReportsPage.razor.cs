using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Parley.Server.Application;
using Parley.Server.Application.Reports;
using Parley.Server.Auth;

namespace Parley.Server.Web.Reports;

/// <summary>
/// The console's reports: pick a report, a range of days in the tenant's time zone and filters, and see headline figures,
/// a chart and the table; download the same table as CSV or XLSX from the REST API. Everything is computed by
/// <see cref="ReportService"/>, the service behind <c>GET /api/v1/reports/{kind}</c>.
/// </summary>
public sealed partial class ReportsPage
{
    private static readonly string[] Intervals = [.. ReportQueryText.Intervals.Select(i => i.Text)];
    private static readonly string[] Channels = ["voice", "chat"];

    private CurrentActor _actor = null!;
    private ReportChoices? _choices;
    private string _kind = ReportKinds.Queue;
    private DateTime _from;
    private DateTime _to;
    private string _interval = "day";
    private Guid? _queueId;
    private Guid? _agentId;
    private string? _channel;
    private ReportTable? _table;
    private ReportRequest? _request;
    private IReadOnlyList<ChartSeries> _series = [];
    private string? _error;
    private string? _ran;
    private bool _loading;
    private int _runs;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    [Inject]
    private ApplicationRunner Runner { get; set; } = null!;

    [Inject]
    private TimeProvider Time { get; set; } = null!;

    /// <summary>The table's columns without ids (the names stand for them) and without the interval's end.</summary>
    private IEnumerable<(ReportColumn Column, int Index)> VisibleColumns =>
        _table!.Columns.Select((c, i) => (c, i)).Where(c => !c.c.Key.EndsWith("Id", StringComparison.Ordinal) && c.c.Key != "end");

    private int FirstVisible => VisibleColumns.First().Index;

    protected override async Task OnInitializedAsync()
    {
        _actor = CurrentActor.Require((await Authentication).User);
        var choices = await Runner.QueryAsync<ReportService, AppResult<ReportChoices>>(_actor, (s, ct) => s.ChoicesAsync(_actor, ct), CancellationToken.None);
        _choices = choices.Value;
        var today = TimeZoneInfo.ConvertTime(Time.GetUtcNow(), _choices?.TimeZone ?? TimeZoneInfo.Utc).Date;
        (_from, _to) = (today.AddDays(-6), today);
        await RunAsync();
    }

    private async Task RunAsync()
    {
        if (!ReportQueryText.TryInterval(_interval, out var interval) || !ReportQueryText.TryChannel(_channel, out var channel))
        {
            return;
        }

        var zone = _choices?.TimeZone ?? TimeZoneInfo.Utc;
        var request = new ReportRequest(Midnight(_from, zone), Midnight(_to.AddDays(1), zone), interval, _queueId, _agentId, channel);
        _loading = true;
        var result = await Runner.QueryAsync<ReportService, AppResult<ReportTable>>(_actor, (s, ct) => s.RunAsync(_actor, _kind, request, ct), CancellationToken.None);
        _loading = false;
        _error = result.Error?.Detail;
        _table = result.Value;
        _request = request;
        _series = _table is null ? [] : Chart(_table);
        _ran = $"{_from:yyyy-MM-dd} to {_to:yyyy-MM-dd}";
        _runs++;
    }

    private string ExportUrl(string format)
    {
        var r = _request!;
        var query = new Dictionary<string, string?>
        {
            ["from"] = r.From.ToString("O", CultureInfo.InvariantCulture),
            ["to"] = r.To.ToString("O", CultureInfo.InvariantCulture),
            ["interval"] = _kind == ReportKinds.Queue ? _interval : null,
            ["queue"] = r.QueueId?.ToString("D"),
            ["agent"] = r.AgentId?.ToString("D"),
            ["channel"] = _channel,
            ["format"] = format,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString($"/api/v1/reports/{_table!.Kind}", query);
    }

    private static IReadOnlyList<ChartSeries> Chart(ReportTable table)
    {
        var (category, series) = ReportCharts.For(table.Kind);
        var categoryIndex = IndexOf(table, category);
        return series.Select(key => IndexOf(table, key)).Where(i => i >= 0 && categoryIndex >= 0)
            .Select(i => new ChartSeries(
                table.Columns[i].Label,
                table.Rows.Select(row => new ChartPoint(ReportCell.Category(row[categoryIndex]), Convert.ToDouble(row[i] ?? 0, CultureInfo.InvariantCulture))).ToList()))
            .ToList();
    }

    private static int IndexOf(ReportTable table, string key) => table.Columns.ToList().FindIndex(c => c.Key == key);

    private static DateTimeOffset Midnight(DateTime day, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(day.Date, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static string? Align(ReportFormat format) => format is ReportFormat.Text or ReportFormat.Time ? null : "parley-num";
}
