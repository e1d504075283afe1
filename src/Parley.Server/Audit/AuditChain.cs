using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Parley.Data.Entities;

namespace Parley.Server.Audit;

/// <summary>The hash chain over a tenant's audit entries: SHA-256 of the previous hash and every recorded field.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of a tenant's first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string ComputeHash(AuditEntry entry)
    {
        var canonical = string.Join(
            '\n',
            entry.PreviousHash,
            entry.TenantId.ToString("N"),
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            entry.ActorType,
            entry.ActorId,
            entry.ActorName,
            entry.Action,
            entry.TargetType ?? "",
            entry.TargetId ?? "",
            entry.Summary,
            entry.SourceIp ?? "",
            entry.Outcome,
            entry.StatusCode.ToString(CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>True when <paramref name="entry"/> is intact and sits at <paramref name="sequence"/> after <paramref name="previousHash"/>.</summary>
    public static bool Follows(AuditEntry entry, string previousHash, long sequence) =>
        entry.Sequence == sequence && entry.PreviousHash == previousHash && ComputeHash(entry) == entry.Hash;
}
