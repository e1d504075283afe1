using Parley.Data.Entities.Sip;

namespace Parley.Server.Api.SipCredentials;

/// <summary>A SIP credential as the API shows it: never the password or its hashes.</summary>
public sealed record SipCredentialDto(Guid Id, Guid UserId, string SipUserName, string Realm, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version)
{
    public static SipCredentialDto From(SipCredential credential) =>
        new(credential.Id, credential.UserId, credential.SipUserName, credential.Realm, credential.CreatedAt, credential.UpdatedAt, credential.Version);
}
