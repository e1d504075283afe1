using Parley.Flows.Schedules;

namespace Parley.Server.Api.Schedules;

/// <summary>What a business-hours block would answer at <c>at</c>, and the local time it read.</summary>
public sealed record ScheduleStatusDto(BusinessHoursStatus Status, DateTimeOffset At, string TimeZone, DateTime LocalTime);
