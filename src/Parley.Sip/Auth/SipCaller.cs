namespace Parley.Sip.Auth;

/// <summary>Who placed an incoming call, as proven by digest authentication: the tenant, the SIP user name and the realm.</summary>
public sealed record SipCaller(string TenantId, string Username, string Realm);
