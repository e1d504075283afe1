using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Data.Entities.Sip;

namespace Parley.Server.Voice.Calls;

/// <summary>
/// Whether an agent's phone can ring: a fixed URI always can; a <c>Registered</c> phone only while a device is
/// registered with the agent's SIP credential; no phone (<c>None</c>) never. Routing leaves voice out of an agent whose
/// <c>Registered</c> phone cannot ring; an agent with no phone keeps voice for interactions created through the API (their
/// media is not Parley's), but a call cannot ring them — the workspace's phone line and the supervisor dashboard say so.
/// </summary>
internal static class AgentPhoneReach
{
    public const string Registered = "Registered";
    public const string Uri = "Uri";

    /// <summary>A call can ring the agent's phone now (<paramref name="registeredCredentials"/>: <see cref="RegisteredCredentialsAsync"/>).</summary>
    public static bool CanRing(Agent agent, IReadOnlySet<Guid> registeredCredentials) => agent.PhoneKind switch
    {
        Uri => agent.PhoneUri is not null,
        Registered => agent.PhoneSipCredentialId is { } id && registeredCredentials.Contains(id),
        _ => false,
    };

    /// <summary>Routing offers the agent voice: unless their phone is <c>Registered</c> and cannot ring now.</summary>
    public static bool OffersVoice(Agent agent, IReadOnlySet<Guid> registeredCredentials) =>
        agent.PhoneKind != Registered || CanRing(agent, registeredCredentials);

    /// <summary>The SIP credentials among <paramref name="agents"/>' phones with at least one live registration at <paramref name="now"/>.</summary>
    public static async Task<HashSet<Guid>> RegisteredCredentialsAsync(
        ParleyDbContext db, IReadOnlyCollection<Agent> agents, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = agents.Where(a => a.PhoneKind == Registered && a.PhoneSipCredentialId is not null)
            .Select(a => a.PhoneSipCredentialId!.Value).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var credentials = await db.Set<SipCredential>().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.SipUserName, c.UserId }).ToListAsync(cancellationToken);
        var live = await LiveContactsAsync(db, credentials.Select(c => c.UserId).Distinct().ToList(), now, cancellationToken);
        return [.. credentials.Where(c => live.Any(r => r.UserId == c.UserId && IsUser(r.Aor, c.SipUserName))).Select(c => c.Id)];
    }

    /// <summary>The newest live registration made with <paramref name="credential"/> (its contact and Path), or null.</summary>
    public static async Task<SipRegistration?> RegistrationOfAsync(ParleyDbContext db, SipCredential credential, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var live = await LiveContactsAsync(db, [credential.UserId], now, cancellationToken);
        return live.Where(r => IsUser(r.Aor, credential.SipUserName)).OrderByDescending(r => r.UpdatedAt).FirstOrDefault();
    }

    /// <summary>The user part of an address of record (<c>sip:user@host</c>).</summary>
    public static string? UserOf(string aor)
    {
        var colon = aor.IndexOf(':', StringComparison.Ordinal);
        var at = aor.LastIndexOf('@');
        return colon >= 0 && at > colon ? aor[(colon + 1)..at] : null;
    }

    private static bool IsUser(string aor, string userName) => string.Equals(UserOf(aor), userName, StringComparison.OrdinalIgnoreCase);

    private static async Task<List<SipRegistration>> LiveContactsAsync(ParleyDbContext db, List<Guid> userIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await db.Set<SipRegistration>().AsNoTracking()
            .Where(r => r.UserId != null && userIds.Contains(r.UserId.Value))
            .ToListAsync(cancellationToken);
        return [.. rows.Where(r => r.ExpiresAt > now)];
    }
}
