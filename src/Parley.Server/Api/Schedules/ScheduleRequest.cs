using Parley.Flows.Schedules;

namespace Parley.Server.Api.Schedules;

/// <summary>
/// A schedule's body: a name, an optional IANA zone (absent: the tenant's zone, read at each evaluation), weekly
/// opening ranges (<c>day</c>, <c>open</c>, <c>close</c> as <c>HH:mm</c>) and holidays (<c>date</c> as <c>yyyy-MM-dd</c>).
/// </summary>
public sealed record ScheduleRequest(string Name, string? TimeZone, List<WeeklyHours>? Weekly, List<Holiday>? Holidays);
