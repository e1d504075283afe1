using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Sip;

/// <summary>
/// A user's SIP device credential, apart from the web password: only the digest HA1 values (MD5 and SHA-256 of
/// <c>user:realm:password</c>) are stored, never the password. The realm is the tenant's SIP domain.
/// </summary>
public sealed class SipCredential : ITenantOwned, IVersioned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>The Parley user the device belongs to.</summary>
    public Guid UserId { get; set; }

    /// <summary>SIP user name (user part of the address of record), unique per tenant.</summary>
    public required string SipUserName { get; set; }

    /// <summary>Realm the HA1 values were computed for (the tenant's SIP domain when they were set).</summary>
    public required string Realm { get; set; }

    /// <summary>Lower-case hex MD5(user:realm:password).</summary>
    public required string Ha1Md5 { get; set; }

    /// <summary>Lower-case hex SHA-256(user:realm:password).</summary>
    public required string Ha1Sha256 { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }
}
