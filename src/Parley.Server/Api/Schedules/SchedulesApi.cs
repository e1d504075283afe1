using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Flows;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Api.Flows;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Api.Schedules;

/// <summary><c>/api/v1/schedules</c>: business hours that flows' <c>businessHours</c> blocks read, by id.</summary>
public static class SchedulesApi
{
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
        db.Schedules.AsNoTracking().ToPageResultAsync(s => s.Name, page, ScheduleDto.From, ct);

    private static Task<IResult> GetAsync(Guid id, HttpContext http, ParleyDbContext db, CancellationToken ct) =>
        db.Schedules.AsNoTracking().Where(s => s.Id == id).ToETaggedResultAsync(http, ScheduleDto.From, ct);

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

    private static async Task<IResult> CreateAsync(ScheduleRequest request, HttpContext http, ParleyDbContext db, AuditScope audit, TimeProvider time, CancellationToken ct)
    {
        var schedule = new Schedule
        {
            Id = Guid.CreateVersion7(),
            TenantId = CurrentActor.Require(http.User).TenantId,
            Name = "",
            Json = "{}",
            CreatedAt = time.GetUtcNow(),
        };
        if (await ScheduleRules.ApplyAsync(request, schedule, db, ct) is { } invalid)
        {
            return invalid;
        }

        db.Schedules.Add(schedule);
        await db.SaveChangesAsync(ct);
        audit.Target("schedule", schedule.Id).Describe($"created schedule '{schedule.Name}'");
        ETags.Set(http, schedule.Version);
        return TypedResults.Created($"/api/v1/schedules/{schedule.Id}", ScheduleDto.From(schedule));
    }

    private static async Task<IResult> UpdateAsync(Guid id, ScheduleRequest request, HttpContext http, ParleyDbContext db, AuditScope audit, CancellationToken ct)
    {
        var schedule = await db.Schedules.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (schedule is null)
        {
            return ApiProblems.NotFound();
        }

        if (ETags.CheckIfMatch(http, schedule.Version) is { } precondition)
        {
            return precondition;
        }

        if (await ScheduleRules.ApplyAsync(request, schedule, db, ct) is { } invalid)
        {
            return invalid;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ETags.StalePrecondition();
        }

        audit.Target("schedule", schedule.Id).Describe($"updated schedule '{schedule.Name}'");
        ETags.Set(http, schedule.Version);
        return TypedResults.Ok(ScheduleDto.From(schedule));
    }

    private static async Task<IResult> DeleteAsync(Guid id, ParleyDbContext db, AuditScope audit, CancellationToken ct)
    {
        var schedule = await db.Schedules.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (schedule is null)
        {
            return ApiProblems.NotFound();
        }

        if (await FlowUsage.FindScheduleUserAsync(db, id, ct) is { } user)
        {
            return ApiProblems.Conflict($"{user} reads this schedule; change it first.");
        }

        db.Schedules.Remove(schedule);
        await db.SaveChangesAsync(ct);
        audit.Target("schedule", id).Describe($"deleted schedule '{schedule.Name}'");
        return TypedResults.NoContent();
    }
}
