using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Voice;
using Parley.Domain.Tenants;

namespace Parley.Server.Application.Storage;

/// <summary>
/// The disk a tenant's uploaded files take against its plan (<see cref="StorageLimits"/>): the sizes its prompt and
/// attachment rows hold, summed in the database. Asked once the new file's size is known and before its row is saved;
/// two uploads racing at the limit may both pass. The tenant's query filter decides whose rows count, so the caller has
/// set the tenant.
/// </summary>
public sealed class TenantStorage(ParleyDbContext db)
{
    /// <summary>The plan limit's name in refusals (<c>limit: storage</c>).</summary>
    public const string Limit = "storage";

    /// <summary>Null when <paramref name="adding"/> more bytes fit the tenant's storage; else a refusal naming the limit.</summary>
    public async Task<AppError?> RefusalAsync(Guid tenantId, long adding, CancellationToken ct)
    {
        var megabytes = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Plan.MaxStorageMegabytes).SingleOrDefaultAsync(ct);
        var limit = StorageLimits.BytesOf(megabytes);
        var used = await db.Set<Prompt>().SumAsync(p => p.SizeBytes, ct) + await db.Attachments.SumAsync(a => a.SizeBytes, ct);
        return used + adding <= limit
            ? null
            : AppError.LimitReached(Limit, string.Create(
                CultureInfo.InvariantCulture,
                $"The tenant's storage is full: prompts and attachments take {Mib(used)} of its {Mib(limit)} MiB and this file needs {Mib(adding)} MiB; delete files no longer needed or ask for a larger plan."));
    }

    private static string Mib(long bytes) => (bytes / (double)StorageLimits.BytesPerMegabyte).ToString("0.##", CultureInfo.InvariantCulture);
}
