using Parley.Data.Entities.Sip;

namespace Parley.Server.Api.SipRegistrations;

/// <summary>A registered SIP device of the tenant as the API shows it.</summary>
public sealed record SipRegistrationDto(
    Guid Id,
    string Aor,
    string ContactUri,
    DateTimeOffset ExpiresAt,
    Guid? UserId,
    string SourceAddress,
    int SourcePort,
    string Transport,
    string? UserAgent,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static SipRegistrationDto From(SipRegistration r) =>
        new(r.Id, r.Aor, r.ContactUri, r.ExpiresAt, r.UserId, r.SourceAddress, r.SourcePort, r.Transport, r.UserAgent, r.CreatedAt, r.UpdatedAt);
}
