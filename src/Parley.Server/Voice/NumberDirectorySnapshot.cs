using System.Collections.Frozen;
using System.Net;
using Parley.Voice.Numbers;

namespace Parley.Server.Voice;

/// <summary>All assigned numbers and all trunks at one moment; immutable, swapped whole on reload.</summary>
internal sealed class NumberDirectorySnapshot(
    FrozenDictionary<string, DirectoryNumber> numbers,
    IReadOnlyList<DirectoryTrunk> trunks,
    long generation,
    DateTimeOffset expires,
    IReadOnlyDictionary<string, int>? callCaps = null)
{
    private readonly FrozenDictionary<Guid, DirectoryTrunk[]> _byTenant =
        trunks.GroupBy(t => t.TenantId).ToFrozenDictionary(g => g.Key, g => g.ToArray());

    private readonly DirectoryTrunk[] _withAddresses = trunks.Where(t => t.AllowedAddresses.Count > 0).ToArray();

    public long Generation { get; } = generation;

    public DateTimeOffset Expires { get; } = expires;

    /// <summary>The plan's cap on concurrent calls of the tenant with this slug; null when its plan sets none.</summary>
    public int? CallCapOf(string? tenantSlug) =>
        tenantSlug is not null && callCaps is not null && callCaps.TryGetValue(tenantSlug, out var cap) ? cap : null;

    public bool TryGetNumber(string e164, out DirectoryNumber number) => numbers.TryGetValue(e164, out number!);

    /// <summary>Tries the number as written (international), then with the numbering rule of each trunk the source belongs to.</summary>
    public bool TryFindNumber(string called, List<DirectoryTrunk> fromTrunks, out string? e164, out DirectoryNumber number)
    {
        e164 = null;
        number = null!;
        if (E164.TryNormalise(called, NumberingRule.None, out var plain))
        {
            e164 = plain;
            if (TryGetNumber(plain, out number))
            {
                return true;
            }
        }

        foreach (var trunk in fromTrunks)
        {
            if (E164.TryNormalise(called, trunk.Rule, out var national))
            {
                e164 ??= national;
                if (TryGetNumber(national, out number))
                {
                    e164 = national;
                    return true;
                }
            }
        }

        return false;
    }

    public IReadOnlyList<DirectoryTrunk> TrunksOf(Guid tenantId) => _byTenant.TryGetValue(tenantId, out var list) ? list : [];

    /// <summary>Every trunk (of any tenant) whose allowed addresses contain <paramref name="source"/>.</summary>
    public List<DirectoryTrunk> TrunksAllowing(IPAddress source)
    {
        var found = new List<DirectoryTrunk>();
        foreach (var trunk in _withAddresses)
        {
            if (trunk.Allows(source))
            {
                found.Add(trunk);
            }
        }

        return found;
    }

    public DirectoryTrunk? InboundCredential(string realm, string userName)
    {
        foreach (var trunk in trunks)
        {
            if (trunk.InboundUserName == userName && string.Equals(trunk.InboundRealm, realm, StringComparison.OrdinalIgnoreCase))
            {
                return trunk;
            }
        }

        return null;
    }
}
