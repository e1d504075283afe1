namespace Parley.Sip.Auth;

/// <summary>
/// A SIP user's secret: the password, or pre-computed HA1 values (H(user:realm:password)) per algorithm so the
/// store need not keep the password.
/// </summary>
public sealed record SipCredential(string TenantId, string? Password, string? Ha1Md5 = null, string? Ha1Sha256 = null);
