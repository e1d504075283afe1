using Microsoft.EntityFrameworkCore;
using Parley.Analytics.Intervals;
using Parley.Analytics.Records;
using Parley.Analytics.Reports;
using Parley.Data;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Domain.Tenants;
using Parley.Server.Application.Admin;
using Parley.Server.Auth;

namespace Parley.Server.Application.Reports;

/// <summary>
/// Runs a report for <c>GET /api/v1/reports/{kind}</c> and the console's <c>/reports</c> page (<c>reports.read</c>): checks
/// the request, cuts intervals in the tenant's time zone, loads the tenant's records and hands them to the analytics
/// library's calculators. Another tenant's records are never read (the context's tenant filter).
/// </summary>
internal sealed class ReportService(ParleyDbContext db, TenantContext tenant, TimeProvider time)
{
    /// <summary>The longest range one request may cover.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(93);

    public async Task<AppResult<ReportTable>> RunAsync(CurrentActor actor, string kind, ReportRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((tenant.Require(actor, Permissions.ReportsRead) ?? Check(kind, request)) is { } refused)
        {
            return refused;
        }

        var zone = await TimeZoneAsync(actor.TenantId, ct);
        IntervalCalendar calendar;
        try
        {
            calendar = IntervalCalendar.Create(request.From, request.To, kind == ReportKinds.Queue ? request.Interval : ReportInterval.Total, zone);
        }
        catch (ArgumentOutOfRangeException)
        {
            return AppError.Invalid("interval", $"At most {IntervalCalendar.MaxSlots} intervals; pick a longer interval.");
        }

        var table = await CalculateAsync(kind, request, calendar, zone.Id, new ReportRecords(db, time.GetUtcNow()), ct);
        return table is null
            ? AppError.Invalid("to", $"More than {ReportRecords.MaxRows} records; pick a shorter range.")
            : AppResult<ReportTable>.Ok(table);
    }

    /// <summary>The filters' choices: the tenant's queues and agents by name.</summary>
    public async Task<AppResult<ReportChoices>> ChoicesAsync(CurrentActor actor, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.ReportsRead) is { } refused)
        {
            return refused;
        }

        var queues = await db.Queues.AsNoTracking().OrderBy(q => q.Name).Select(q => new Choice(q.Id, q.Name)).ToListAsync(ct);
        var agents = await db.Agents.AsNoTracking().OrderBy(a => a.DisplayName).Select(a => new Choice(a.Id, a.DisplayName)).ToListAsync(ct);
        return AppResult<ReportChoices>.Ok(new ReportChoices(queues, agents, await TimeZoneAsync(actor.TenantId, ct)));
    }

    private async Task<ReportTable?> CalculateAsync(string kind, ReportRequest request, IntervalCalendar calendar, string zone, ReportRecords records, CancellationToken ct)
    {
        var tallies = new ReportTallies(db, records);
        switch (kind)
        {
            case ReportKinds.Csat:
                return await records.RatingsAsync(request, ct) is { } ratings ? ReportTables.Csat(zone, CsatReport.Calculate(ratings, calendar)) : null;
            case ReportKinds.Ivr or ReportKinds.IvrPaths:
                if (await tallies.IvrVisitsAsync(request, ct) is not { } visits)
                {
                    return null;
                }

                var flows = IvrReport.Calculate(visits, calendar);
                var flowNames = await ReportNames.LoadAsync(db, ct);
                return kind == ReportKinds.Ivr ? ReportTables.Ivr(zone, flows, flowNames) : ReportTables.IvrPaths(zone, flows, flowNames);
        }

        if (await tallies.LoadAsync(request, ct) is not { } contacts)
        {
            return null;
        }

        switch (kind)
        {
            case ReportKinds.Abandon:
                return ReportTables.Abandons(zone, AbandonReport.Calculate(contacts, calendar));
            case ReportKinds.Channels:
                return ReportTables.Shares(ReportKinds.Channels, "Channel mix", zone, "channel", "Channel", ChannelMixReport.Calculate(contacts, calendar));
            case ReportKinds.Dispositions:
                return ReportTables.Shares(ReportKinds.Dispositions, "Wrap-up codes", zone, "code", "Wrap-up code", DispositionReport.Calculate(contacts, calendar));
            case ReportKinds.Agents:
                return await tallies.StatesAsync(request, ct) is { } states
                    ? ReportTables.Agents(zone, AgentPerformanceReport.Calculate(contacts, states, calendar), await ReportNames.LoadAsync(db, ct))
                    : null;
            case ReportKinds.Queue:
                return ReportTables.Intervals(zone, QueuePerformanceReport.Calculate(contacts, calendar));
        }

        var perQueue = contacts.GroupBy(c => c.QueueId)
            .Select(g => (QueueId: g.Key, Row: QueuePerformanceReport.Calculate(g, calendar).Total))
            .OrderByDescending(r => r.Row.Offered).ThenBy(r => r.QueueId, StringComparer.Ordinal)
            .ToList();
        var total = QueuePerformanceReport.Calculate(contacts, calendar).Total;
        return ReportTables.Queues(zone, perQueue, total, await ReportNames.LoadAsync(db, ct));
    }

    private static AppError? Check(string kind, ReportRequest request) =>
        !ReportKinds.IsKnown(kind) ? AppError.NotFound()
        : request.To <= request.From || request.To - request.From > MaxRange
            ? AppError.Invalid("to", $"'from' and 'to' (ISO 8601) with 'to' after 'from', at most {MaxRange.TotalDays} days apart.")
            : null;

    private async Task<TimeZoneInfo> TimeZoneAsync(Guid tenantId, CancellationToken ct)
    {
        var zoneId = await db.Tenants.AsNoTracking().IgnoreQueryFilters().Where(t => t.Id == tenantId).Select(t => t.TimeZone).SingleOrDefaultAsync(ct);
        return TenantTimeZone.TryFind(zoneId, out var found) ? found : TimeZoneInfo.Utc;
    }
}
