namespace Parley.Sip.Registrar;

/// <summary>One registered contact of an address-of-record.</summary>
public sealed record SipBinding(string Aor, string Contact, string? TenantId, DateTimeOffset ExpiresAt, string CallId, long CSeq, System.Net.IPEndPoint Source, string Transport);
