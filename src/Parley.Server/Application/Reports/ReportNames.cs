using Microsoft.EntityFrameworkCore;
using Parley.Data;

namespace Parley.Server.Application.Reports;

/// <summary>The tenant's queue, agent and flow names for report rows (a deleted one shows its id).</summary>
internal sealed record ReportNames(IReadOnlyDictionary<string, string> Queues, IReadOnlyDictionary<string, string> Agents, IReadOnlyDictionary<string, string> Flows)
{
    public static async Task<ReportNames> LoadAsync(ParleyDbContext db, CancellationToken ct) => new(
        await db.Queues.AsNoTracking().ToDictionaryAsync(q => q.Id.ToString("D"), q => q.Name, ct),
        await db.Agents.AsNoTracking().ToDictionaryAsync(a => a.Id.ToString("D"), a => a.DisplayName, ct),
        await db.Flows.AsNoTracking().ToDictionaryAsync(f => f.Id.ToString("D"), f => f.Name, ct));

    public string Queue(string id) => Queues.GetValueOrDefault(id, id);

    public string Agent(string id) => Agents.GetValueOrDefault(id, id);

    public string Flow(string id) => Flows.GetValueOrDefault(id, id);
}
