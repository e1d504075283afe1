using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Routing;
using Parley.Server.Voice;

namespace Parley.Server.Application.Admin;

/// <summary>
/// The tenant's wrap-up codes across its queues, for <c>/api/v1/wrap-up-codes</c> and the console's <c>/admin/wrap-up-codes</c>:
/// each code with the queues that offer it (filtered, sorted and paged on the server), a code offered on more queues, a
/// code renamed on every queue, a code withdrawn from every queue. A queue keeps its own list (edited on the queue too);
/// these change many queues in one save, each change reaching the routing engine at once. Needs <c>queues.read</c> /
/// <c>queues.write</c>; another tenant's queues are never read.
/// </summary>
internal sealed class WrapUpCodeAdmin(ParleyDbContext db, TenantContext tenant, RoutingGateway routing, QueueCallerSettingsCache callers, AuditScope audit)
{
    /// <summary>The longest code (what the reports and the workspace show).</summary>
    public const int MaxCodeLength = 100;

    /// <summary>The most codes one queue offers (as the queue API allows).</summary>
    public const int MaxCodesPerQueue = 100;

    public async Task<AppResult<ListPage<WrapUpCodeDto>>> ListAsync(CurrentActor actor, ListQuery query, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.QueuesRead) is { } refused)
        {
            return refused;
        }

        var queues = await db.Queues.AsNoTracking().OrderBy(q => q.Name).Select(q => new { q.Id, q.Name, q.WrapUpCodes }).ToListAsync(ct);
        var codes = queues
            .SelectMany(q => q.WrapUpCodes.Select(code => (Code: code, Queue: new WrapUpCodeQueue(q.Id, q.Name))))
            .GroupBy(c => c.Code, StringComparer.Ordinal)
            .Select(g => new WrapUpCodeDto(g.Key, g.Select(c => c.Queue).ToList()))
            .Where(c => query.Needle is not { } needle || c.Code.Contains(needle, StringComparison.OrdinalIgnoreCase)
                        || c.Queues.Any(q => q.Name.Contains(needle, StringComparison.OrdinalIgnoreCase)));
        var sorted = query.Sort == "queues"
            ? (query.Descending ? codes.OrderByDescending(c => c.Queues.Count) : codes.OrderBy(c => c.Queues.Count)).ThenBy(c => c.Code, StringComparer.Ordinal)
            : query.Descending ? codes.OrderByDescending(c => c.Code, StringComparer.Ordinal) : codes.OrderBy(c => c.Code, StringComparer.Ordinal);
        var all = sorted.ToList();
        return AppResult<ListPage<WrapUpCodeDto>>.Ok(new ListPage<WrapUpCodeDto>(all.Skip(query.EffectiveSkip).Take(query.EffectiveTake).ToList(), all.Count));
    }

    /// <summary>Offers <paramref name="code"/> on each of <paramref name="queueIds"/> that does not offer it yet.</summary>
    public async Task<AppResult<WrapUpCodeDto>> AddAsync(CurrentActor actor, string? code, IReadOnlyList<Guid> queueIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(queueIds);
        if ((tenant.Require(actor, Permissions.QueuesWrite) ?? CheckCode("code", code)) is { } refused)
        {
            return refused;
        }

        var name = code!.Trim();
        var queues = await db.Queues.Where(q => queueIds.Contains(q.Id)).ToListAsync(ct);
        if (queueIds.Count == 0 || queues.Count != queueIds.Distinct().Count())
        {
            return AppError.Invalid("queueIds", "Name one or more of the tenant's queues.");
        }

        if (queues.FirstOrDefault(q => !q.WrapUpCodes.Contains(name) && q.WrapUpCodes.Count >= MaxCodesPerQueue) is { } full)
        {
            return AppError.Invalid("queueIds", $"Queue '{full.Name}' already offers {MaxCodesPerQueue} codes.");
        }

        var changed = queues.Where(q => !q.WrapUpCodes.Contains(name)).ToList();
        changed.ForEach(q => q.WrapUpCodes = [.. q.WrapUpCodes, name]);
        await SaveAsync(changed, ct);
        audit.Target("wrap-up-code", name).Describe($"offered wrap-up code '{name}' on {Queues(changed)}");
        return AppResult<WrapUpCodeDto>.Ok(Dto(name, queues));
    }

    /// <summary>Renames <paramref name="code"/> on every queue that offers it (merged where a queue offers both).</summary>
    public async Task<AppResult<WrapUpCodeDto>> RenameAsync(CurrentActor actor, string code, string? newCode, CancellationToken ct)
    {
        if ((tenant.Require(actor, Permissions.QueuesWrite) ?? CheckCode("code", newCode)) is { } refused)
        {
            return refused;
        }

        var name = newCode!.Trim();
        var queues = await OfferingAsync(code, ct);
        if (queues.Count == 0)
        {
            return AppError.NotFound();
        }

        queues.ForEach(q => q.WrapUpCodes = [.. q.WrapUpCodes.Select(c => c == code ? name : c).Distinct()]);
        await SaveAsync(queues, ct);
        audit.Target("wrap-up-code", name).Describe($"renamed wrap-up code '{code}' to '{name}' on {Queues(queues)}");
        return AppResult<WrapUpCodeDto>.Ok(Dto(name, queues));
    }

    /// <summary>Withdraws <paramref name="code"/> from every queue; the reports keep the contacts already wrapped up with it.</summary>
    public async Task<AppResult<Done>> RemoveAsync(CurrentActor actor, string code, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.QueuesWrite) is { } refused)
        {
            return refused;
        }

        var queues = await OfferingAsync(code, ct);
        if (queues.Count == 0)
        {
            return AppError.NotFound();
        }

        queues.ForEach(q => q.WrapUpCodes = [.. q.WrapUpCodes.Where(c => c != code)]);
        await SaveAsync(queues, ct);
        audit.Target("wrap-up-code", code).Describe($"withdrew wrap-up code '{code}' from {Queues(queues)}");
        return AppResult<Done>.Ok(Done.Value);
    }

    /// <summary>The tenant's queues offering <paramref name="code"/> (the codes live in a JSON column: filtered here).</summary>
    private async Task<List<Queue>> OfferingAsync(string code, CancellationToken ct) =>
        (await db.Queues.ToListAsync(ct)).Where(q => q.WrapUpCodes.Contains(code)).ToList();

    private async Task SaveAsync(List<Queue> changed, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        foreach (var queue in changed)
        {
            await QueueAdmin.AnnounceAsync(routing, callers, queue);
        }
    }

    private static AppError? CheckCode(string field, string? code) =>
        string.IsNullOrWhiteSpace(code) || code.Trim().Length > MaxCodeLength
            ? AppError.Invalid(field, $"A code of 1 to {MaxCodeLength} characters.")
            : null;

    private static WrapUpCodeDto Dto(string code, IEnumerable<Queue> queues) =>
        new(code, queues.Where(q => q.WrapUpCodes.Contains(code)).OrderBy(q => q.Name).Select(q => new WrapUpCodeQueue(q.Id, q.Name)).ToList());

    private static string Queues(IReadOnlyCollection<Queue> queues) =>
        queues.Count == 1 ? $"queue '{queues.First().Name}'" : $"{queues.Count} queues";
}
