using Parley.Sip.Messages;

namespace Parley.Sip.Auth;

/// <summary>Outcome of checking a request's credentials: success with the tenant, or the 401 to send.</summary>
public sealed record SipAuthResult(bool Succeeded, string? TenantId, string? Username, SipResponse? Challenge)
{
    public static SipAuthResult Success(string tenantId, string username) => new(true, tenantId, username, null);

    public static SipAuthResult Fail(SipResponse challenge) => new(false, null, null, challenge);
}
