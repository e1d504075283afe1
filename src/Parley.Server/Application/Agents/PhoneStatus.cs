using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Sip;
using Parley.Server.Api.Agents;
using Parley.Server.Voice.Calls;

namespace Parley.Server.Application.Agents;

/// <summary>
/// What the workspace says about the agent's phone, read the way routing decides it (<see cref="AgentPhoneReach"/>):
/// a <c>Registered</c> phone rings only while a device is registered with the agent's SIP account.
/// </summary>
/// <param name="Text">One line for the agent.</param>
/// <param name="Ready">Whether voice calls can be offered now.</param>
public sealed record PhoneStatus(string Text, bool Ready)
{
    /// <summary>Which of the SIP accounts <paramref name="credentialIds"/> have a live registration at <paramref name="now"/>.</summary>
    internal static async Task<HashSet<Guid>> RegisteredAsync(ParleyDbContext db, IReadOnlyCollection<Guid> credentialIds, DateTimeOffset now, CancellationToken ct)
    {
        var credentials = await db.Set<SipCredential>().AsNoTracking().Where(c => credentialIds.Contains(c.Id)).ToListAsync(ct);
        var registered = new HashSet<Guid>();
        foreach (var credential in credentials)
        {
            if (await AgentPhoneReach.RegistrationOfAsync(db, credential, now, ct) is not null)
            {
                registered.Add(credential.Id);
            }
        }

        return registered;
    }

    internal static async Task<PhoneStatus> ReadAsync(ParleyDbContext db, AgentPhone phone, DateTimeOffset now, CancellationToken ct)
    {
        switch (phone.Kind)
        {
            case AgentPhoneReach.Uri:
                return new($"Phone: {phone.Uri} (calls ring there)", true);
            case AgentPhoneReach.Registered:
                var credential = phone.SipCredentialId is { } id
                    ? await db.Set<SipCredential>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct)
                    : null;
                if (credential is null)
                {
                    return new("Phone: no SIP account linked — voice calls are not offered to you; ask an administrator", false);
                }

                return await AgentPhoneReach.RegistrationOfAsync(db, credential, now, ct) is null
                    ? new($"Phone: not registered — voice calls are held until your phone (SIP account {credential.SipUserName}) registers", false)
                    : new($"Phone: registered (SIP account {credential.SipUserName})", true);
            default:
                return new("Phone: none — voice calls are not offered to you; chats and e-mail are", false);
        }
    }
}
