using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Flows;
using Parley.Domain.Tenants;
using Parley.Flows.Json;
using Parley.Flows.Schedules;
using Parley.Server.Api.Conventions;

namespace Parley.Server.Api.Schedules;

/// <summary>Checks a schedule body (every problem at once, keyed by JSON Pointer) and copies it onto the row.</summary>
internal static class ScheduleRules
{
    public const int MaxNameLength = 200;
    public const int MaxWeekly = 50;
    public const int MaxHolidays = 500;

    public static async Task<IResult?> ApplyAsync(ScheduleRequest request, Schedule schedule, ParleyDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            errors["/name"] = [$"A schedule needs a name of 1 to {MaxNameLength} characters."];
        }

        if (request.TimeZone is not null && !TenantTimeZone.TryFind(request.TimeZone, out _))
        {
            errors["/timeZone"] = [$"'{request.TimeZone}' is not a known IANA time zone."];
        }

        var weekly = request.Weekly ?? [];
        var holidays = request.Holidays ?? [];
        Check(weekly, MaxWeekly, "/weekly", "opening ranges", w => new BusinessSchedule { Weekly = [w] }, errors);
        Check(holidays, MaxHolidays, "/holidays", "holidays", h => new BusinessSchedule { Holidays = [h] }, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        if (await db.Schedules.AnyAsync(s => s.Name == name && s.Id != schedule.Id, ct))
        {
            return ApiProblems.Conflict($"A schedule named '{name}' exists already.");
        }

        schedule.Name = name!;
        schedule.TimeZone = request.TimeZone;
        schedule.Json = FlowJson.Serialize(new BusinessSchedule { Weekly = weekly, Holidays = holidays });
        return null;
    }

    /// <summary>The library's reading of the stored schedule, in its own zone or else the tenant's.</summary>
    public static BusinessSchedule ToBusinessSchedule(Schedule schedule, string tenantTimeZone)
    {
        var stored = FlowJson.ParseSchedule(schedule.Json) ?? new BusinessSchedule();
        return new BusinessSchedule { TimeZone = schedule.TimeZone ?? tenantTimeZone, Weekly = stored.Weekly, Holidays = stored.Holidays };
    }

    private static void Check<T>(
        List<T> items, int max, string pointer, string what, Func<T, BusinessSchedule> alone, Dictionary<string, string[]> errors)
    {
        if (items.Count > max)
        {
            errors[pointer] = [$"At most {max} {what} are allowed."];
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                errors[$"{pointer}/{i}"] = ["The entry is empty."];
            }
            else if (alone(items[i]).Problems() is { Count: > 0 } problems)
            {
                errors[$"{pointer}/{i}"] = [.. problems.Select(p => p[(p.IndexOf(": ", StringComparison.Ordinal) + 2)..])];
            }
        }
    }
}
