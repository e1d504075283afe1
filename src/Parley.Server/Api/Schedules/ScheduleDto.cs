using Parley.Data.Entities.Flows;
using Parley.Flows.Json;
using Parley.Flows.Schedules;

namespace Parley.Server.Api.Schedules;

/// <summary>A schedule as stored; <c>timeZone</c> null means the tenant's zone.</summary>
public sealed record ScheduleDto(Guid Id, string Name, string? TimeZone, IReadOnlyList<WeeklyHours> Weekly, IReadOnlyList<Holiday> Holidays, long Version)
{
    public static ScheduleDto From(Schedule schedule)
    {
        var hours = FlowJson.ParseSchedule(schedule.Json) ?? new BusinessSchedule();
        return new(schedule.Id, schedule.Name, schedule.TimeZone, hours.Weekly, hours.Holidays, schedule.Version);
    }
}
