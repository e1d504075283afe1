using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Domain.Tenants;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Api.Conventions;

/// <summary>
/// The list/get/create/update/delete every versioned tenant resource shares: 404 for absent (or another tenant's)
/// rows, the row version as ETag, If-Match on update (428/412), 201 with Location on create, 204 on delete, one
/// audit line per change. An API supplies only what differs: its rules (<c>apply</c>, which checks the body and
/// copies it onto the row or answers a problem), a guard before delete and what must follow a save (the routing
/// engine's refresh).
/// </summary>
/// <param name="Kind">The audit target kind, e.g. <c>skill</c>.</param>
/// <param name="Path">The collection's path, e.g. <c>/api/v1/skills</c>; created rows are at <c>{Path}/{id}</c>.</param>
/// <param name="Set">The rows, tenant-filtered by the model.</param>
/// <param name="IdOf">The row's id.</param>
/// <param name="Map">Row to body.</param>
public sealed record VersionedResource<T, TDto>(
    string Kind, string Path, Func<ParleyDbContext, DbSet<T>> Set, Func<T, Guid> IdOf, Func<T, TDto> Map)
    where T : class, IVersioned
{
    /// <summary>
    /// Maps the two reads on <paramref name="group"/>: <c>GET /</c> (paged by <paramref name="orderBy"/>) and
    /// <c>GET /{id}</c>, both needing <paramref name="read"/>. Each API maps its own create, update and delete with
    /// method groups (a <see cref="Delegate"/> passed through here would hide the request body from the validation
    /// generator) and calls <see cref="CreateAsync"/>, <see cref="UpdateAsync"/> and <see cref="DeleteAsync"/>.
    /// </summary>
    public RouteGroupBuilder MapReads(RouteGroupBuilder group, string read, Expression<Func<T, string>> orderBy)
    {
        group.MapGet("/", (ParleyDbContext db, [AsParameters] PageRequest page, CancellationToken ct) => ListAsync(db, orderBy, page, ct)).RequirePermission(read);
        group.MapGet("/{id:guid}", (Guid id, HttpContext http, ParleyDbContext db, CancellationToken ct) => GetAsync(db, id, http, ct)).RequirePermission(read);
        return group;
    }

    public Task<IResult> ListAsync(ParleyDbContext db, Expression<Func<T, string>> orderBy, PageRequest page, CancellationToken ct) =>
        Set(db).AsNoTracking().ToPageResultAsync(orderBy, page, Map, ct);

    public Task<IResult> GetAsync(ParleyDbContext db, Guid id, HttpContext http, CancellationToken ct) =>
        Set(db).AsNoTracking().Where(ById(id)).ToETaggedResultAsync(http, Map, ct);

    public async Task<IResult> CreateAsync(
        ParleyDbContext db, HttpContext http, AuditScope audit, T row, Func<T, Task<IResult?>> apply, Func<T, string> describe,
        CancellationToken ct, Func<T, Task>? saved = null)
    {
        if (await apply(row) is { } invalid)
        {
            return invalid;
        }

        Set(db).Add(row);
        await db.SaveChangesAsync(ct);
        await (saved?.Invoke(row) ?? Task.CompletedTask);
        audit.Target(Kind, IdOf(row)).Describe(describe(row));
        ETags.Set(http, row.Version);
        return TypedResults.Created($"{Path}/{IdOf(row)}", Map(row));
    }

    public async Task<IResult> UpdateAsync(
        ParleyDbContext db, HttpContext http, AuditScope audit, Guid id, Func<T, Task<IResult?>> apply, Func<T, string> describe,
        CancellationToken ct, Func<T, Task>? saved = null)
    {
        var row = await Set(db).SingleOrDefaultAsync(ById(id), ct);
        if (row is null)
        {
            return ApiProblems.NotFound();
        }

        if (ETags.CheckIfMatch(http, row.Version) is { } precondition)
        {
            return precondition;
        }

        if (await apply(row) is { } invalid)
        {
            return invalid;
        }

        await db.SaveChangesAsync(ct);
        await (saved?.Invoke(row) ?? Task.CompletedTask);
        audit.Target(Kind, IdOf(row)).Describe(describe(row));
        ETags.Set(http, row.Version);
        return TypedResults.Ok(Map(row));
    }

    /// <summary>Deletes the row unless <paramref name="refuse"/> answers a problem (e.g. 409 while others use it).</summary>
    public async Task<IResult> DeleteAsync(
        ParleyDbContext db, AuditScope audit, Guid id, Func<T, Task<IResult?>> refuse, Func<T, string> describe,
        CancellationToken ct, Func<T, Task>? deleted = null)
    {
        var row = await Set(db).SingleOrDefaultAsync(ById(id), ct);
        if (row is null)
        {
            return ApiProblems.NotFound();
        }

        if (await refuse(row) is { } refused)
        {
            return refused;
        }

        Set(db).Remove(row);
        await db.SaveChangesAsync(ct);
        await (deleted?.Invoke(row) ?? Task.CompletedTask);
        audit.Target(Kind, id).Describe(describe(row));
        return TypedResults.NoContent();
    }

    /// <summary>Nothing refuses the delete.</summary>
    public static Task<IResult?> Allowed(T row) => Task.FromResult<IResult?>(null);

    private static Expression<Func<T, bool>> ById(Guid id) => row => EF.Property<Guid>(row, "Id") == id;
}
