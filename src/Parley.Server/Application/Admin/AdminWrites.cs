using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Parley.Domain.Tenants;

namespace Parley.Server.Application.Admin;

/// <summary>
/// The update and delete every versioned admin resource shares, so each service says only what differs: its rules
/// (<c>apply</c>: check the body against the row and copy it on, or refuse), a guard before delete, and what must follow a save
/// (the routing engine's refresh). Rows are read through the tenant-filtered set: another tenant's is not found.
/// </summary>
internal static class AdminWrites
{
    /// <summary>
    /// Finds the row, refuses it as <see cref="AppErrorKind.Stale"/> unless still at <paramref name="expectedVersion"/> (null:
    /// any), applies the change, marks the row modified (so a change to owned lists alone still moves the version) and saves.
    /// </summary>
    public static async Task<AppResult<T>> UpdateAsync<T>(
        DbContext db, IQueryable<T> rows, Expression<Func<T, bool>> byId, long? expectedVersion, Func<T, Task<AppError?>> apply,
        Func<T, Task> save, CancellationToken ct)
        where T : class, IVersioned
    {
        var found = await FindCurrentAsync(rows, byId, expectedVersion, ct);
        if (found.Value is not { } row)
        {
            return found;
        }

        if (await apply(row) is { } invalid)
        {
            return invalid;
        }

        db.Entry(row).State = EntityState.Modified;
        await save(row);
        return AppResult<T>.Ok(row);
    }

    /// <summary>The row to change, if it exists (in the tenant) and is still at <paramref name="expectedVersion"/> (null: any).</summary>
    public static async Task<AppResult<T>> FindCurrentAsync<T>(IQueryable<T> rows, Expression<Func<T, bool>> byId, long? expectedVersion, CancellationToken ct)
        where T : class, IVersioned
    {
        if (await rows.SingleOrDefaultAsync(byId, ct) is not { } row)
        {
            return AppError.NotFound();
        }

        return expectedVersion is { } version && version != row.Version ? AppError.Stale() : AppResult<T>.Ok(row);
    }

    /// <summary>Finds the row, lets <paramref name="guard"/> refuse, removes it and saves.</summary>
    public static async Task<AppResult<T>> DeleteAsync<T>(
        DbContext db, IQueryable<T> rows, Expression<Func<T, bool>> byId, Func<T, Task<AppError?>> guard, Func<T, Task> save, CancellationToken ct)
        where T : class
    {
        if (await rows.SingleOrDefaultAsync(byId, ct) is not { } row)
        {
            return AppError.NotFound();
        }

        if (await guard(row) is { } refused)
        {
            return refused;
        }

        db.Remove(row);
        await save(row);
        return AppResult<T>.Ok(row);
    }

    /// <summary>The row as its body, after <paramref name="describe"/> left the audit note; a refusal passes through.</summary>
    public static AppResult<TDto> Then<T, TDto>(this AppResult<T> result, Action<T> describe, Func<T, TDto> map)
    {
        if (result.Value is not { } row)
        {
            return result.Error!;
        }

        describe(row);
        return AppResult<TDto>.Ok(map(row));
    }

    /// <summary>Done, after <paramref name="describe"/> left the audit note; a refusal passes through.</summary>
    public static AppResult<Done> Then<T>(this AppResult<T> result, Action<T> describe) => result.Then(describe, _ => Done.Value);
}
