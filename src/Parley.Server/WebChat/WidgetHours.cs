using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Chat;
using Parley.Flows.Schedules;
using Parley.Server.Api.Schedules;

namespace Parley.Server.WebChat;

/// <summary>
/// Whether a widget takes chats now: it needs a queue, and when it names a schedule (the tenant's business hours with
/// holidays, in the schedule's or else the tenant's time zone) the schedule must be open at the server's clock.
/// </summary>
internal static class WidgetHours
{
    public static async Task<bool> IsOnlineAsync(ParleyDbContext db, ChatWidget widget, DateTimeOffset now, CancellationToken ct)
    {
        if (widget.QueueId is null)
        {
            return false;
        }

        if (widget.ScheduleId is not { } scheduleId)
        {
            return true;
        }

        var schedule = await db.Schedules.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(s => s.Id == scheduleId && s.TenantId == widget.TenantId, ct);
        if (schedule is null)
        {
            return true;
        }

        var tenantZone = await db.Tenants.AsNoTracking().Where(t => t.Id == widget.TenantId).Select(t => t.TimeZone).SingleAsync(ct);
        return ScheduleRules.ToBusinessSchedule(schedule, tenantZone).Evaluate(now) == BusinessHoursStatus.Open;
    }
}
