using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Sip;
using Parley.Server.Api.Conventions;
using Parley.Sip.Messages;

namespace Parley.Server.Api.Agents;

/// <summary>Checks an agent's phone: a registered SIP credential of the agent's own user, or a well-formed SIP URI.</summary>
internal static class AgentPhoneRules
{
    public static async Task<IResult?> CheckAsync(AgentPhone? phone, Guid userId, ParleyDbContext db, CancellationToken ct)
    {
        switch (phone?.Kind)
        {
            case null or "None" when phone?.SipCredentialId is null && phone?.Uri is null:
                return null;
            case "Registered" when phone.Uri is null:
                return phone.SipCredentialId is { } id && await db.Set<SipCredential>().AnyAsync(c => c.Id == id && c.UserId == userId, ct)
                    ? null
                    : ApiProblems.Invalid("phone.sipCredentialId", "One of the agent's own SIP credentials.");
            case "Uri" when phone.SipCredentialId is null:
                return phone.Uri is { Length: <= 256 } text && SipUri.TryParse(text, out var uri) && uri!.IsSip && !string.IsNullOrEmpty(uri.Host)
                    ? null
                    : ApiProblems.Invalid("phone.uri", "A sip: or sips: URI, like sip:2001@pbx.example.com.");
            default:
                return ApiProblems.Invalid("phone.kind", "None; Registered with sipCredentialId; or Uri with uri.");
        }
    }
}
