using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Flows;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Api.Schedules;

/// <summary><c>/api/v1/schedules</c>: business hours that flows' <c>businessHours</c> blocks read, by id.</summary>
public static class SchedulesApi
{
    private static readonly VersionedResource<Schedule, ScheduleDto> Schedules =
        new("schedule", "/api/v1/schedules", db => db.Schedules, s => s.Id, ScheduleDto.From);

    public static RouteGroupBuilder MapSchedulesApi(this RouteGroupBuilder api)
    {
        var schedules = api.MapGroup("/schedules").WithTags("Schedules");
        schedules.MapGet("/", ListAsync).RequirePermission(Permissions.FlowsRead);
        schedules.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.FlowsRead);
        schedules.MapGet("/{id:guid}/status", StatusAsync).RequirePermission(Permissions.FlowsRead);
        schedules.MapPost("/", CreateAsync).RequirePermission(Permissions.FlowsWrite).Audited("schedules.create");
        schedules.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.FlowsWrite).Audited("schedules.update");
        schedules.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.FlowsWrite).Audited("schedules.delete");
        return api;
    }

    private static Task<IResult> ListAsync(ParleyDbContext db, [AsParameters] PageRequest page, CancellationToken ct) =>
        Schedules.ListAsync(db, s => s.Name, page, ct);

    private static Task<IResult> GetAsync(Guid id, HttpContext http, ParleyDbContext db, CancellationToken ct) =>
        Schedules.GetAsync(db, id, http, ct);

    /// <summary>Open, closed or holiday at <c>?at=</c> (an ISO 8601 instant; absent: now), as a flow would see it.</summary>
    private static async Task<IResult> StatusAsync(Guid id, DateTimeOffset? at, HttpContext http, ParleyDbContext db, TimeProvider time, CancellationToken ct)
    {
        var schedule = await db.Schedules.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (schedule is null)
        {
            return ApiProblems.NotFound();
        }

        var tenantId = CurrentActor.Require(http.User).TenantId;
        var tenantZone = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.TimeZone).SingleAsync(ct);
        var hours = ScheduleRules.ToBusinessSchedule(schedule, tenantZone);
        var instant = at ?? time.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(hours.TimeZone)).DateTime;
        return TypedResults.Ok(new ScheduleStatusDto(hours.Evaluate(instant), instant, hours.TimeZone, local));
    }

    // The writes are the application layer's (ScheduleAdmin), shared with the admin console; REST adds If-Match and the ETag.
    private static async Task<IResult> CreateAsync(ScheduleRequest request, HttpContext http, ScheduleAdmin schedules, CancellationToken ct) =>
        (await schedules.CreateAsync(CurrentActor.Require(http.User), request, ct)).ToHttp(s => Created(http, s));

    private static async Task<IResult> UpdateAsync(Guid id, ScheduleRequest request, HttpContext http, ScheduleAdmin schedules, CancellationToken ct) =>
        IfMatch.Read(http, out var expected) ?? (await schedules.UpdateAsync(CurrentActor.Require(http.User), id, expected, request, ct)).ToHttp(s => Ok(http, s));

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext http, ScheduleAdmin schedules, CancellationToken ct) =>
        (await schedules.DeleteAsync(CurrentActor.Require(http.User), id, ct)).ToHttp();

    private static IResult Created(HttpContext http, ScheduleDto schedule)
    {
        ETags.Set(http, schedule.Version);
        return TypedResults.Created($"/api/v1/schedules/{schedule.Id}", schedule);
    }

    private static IResult Ok(HttpContext http, ScheduleDto schedule)
    {
        ETags.Set(http, schedule.Version);
        return TypedResults.Ok(schedule);
    }
}
