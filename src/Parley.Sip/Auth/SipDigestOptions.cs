namespace Parley.Sip.Auth;

/// <summary>Digest authentication settings (RFC 3261 §22, RFC 8760, RFC 7616).</summary>
public sealed class SipDigestOptions
{
    /// <summary>Realm offered in challenges. Default "parley".</summary>
    public string Realm { get; set; } = "parley";

    /// <summary>Nonce lifetime; older nonces get a challenge with stale=true. Default 5 minutes.</summary>
    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>HMAC key for stateless nonces; random per process when null.</summary>
    public byte[]? NonceSecret { get; set; }

    /// <summary>
    /// Picks the realm per request (e.g. the To-URI host, so each tenant's SIP domain is its own realm); null answers fall
    /// back to <see cref="Realm"/>. Default null: one realm for every request.
    /// </summary>
    public Func<Messages.SipRequest, string?>? RealmSelector { get; set; }

    /// <summary>
    /// User-Agent substrings (case-insensitive) of clients that fail on any SHA-256 challenge instead of skipping it, and so
    /// get an MD5 challenge only. Default: baresip 0.x/1.x (libre before 2.0 answers "Function not implemented" to
    /// <c>algorithm=SHA-256</c>).
    /// </summary>
    public IList<string> Md5OnlyUserAgents { get; } = new List<string> { "baresip v0.", "baresip v1." };
}
