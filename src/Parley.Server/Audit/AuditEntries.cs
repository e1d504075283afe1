using Parley.Data.Entities;

namespace Parley.Server.Audit;

/// <summary>A record placed in its tenant's chain: sequence, time, the previous hash, every field bounded, and its own hash.</summary>
internal static class AuditEntries
{
    public static AuditEntry Create(AuditRecord record, long sequence, DateTimeOffset at, string previousHash)
    {
        var entry = new AuditEntry
        {
            TenantId = record.TenantId,
            Sequence = sequence,
            At = at,
            ActorType = record.ActorType,
            ActorId = Truncate(record.ActorId, 100),
            ActorName = Truncate(record.ActorName, 256),
            Action = Truncate(record.Action, 100),
            TargetType = record.TargetType,
            TargetId = record.TargetId is null ? null : Truncate(record.TargetId, 100),
            Summary = Truncate(record.Summary, 2000),
            SourceIp = record.SourceIp,
            Outcome = record.Outcome,
            StatusCode = record.StatusCode,
            PreviousHash = previousHash,
            Hash = "",
        };
        entry.Hash = AuditChain.ComputeHash(entry);
        return entry;
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
