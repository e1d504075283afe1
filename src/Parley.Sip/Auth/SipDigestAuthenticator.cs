using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Parley.Sip.Defence;
using Parley.Sip.Logging;
using Parley.Sip.Messages;

namespace Parley.Sip.Auth;

/// <summary>
/// Digest authentication for UAS requests (REGISTER, INVITE). Challenges offer SHA-256 first and MD5 second
/// (RFC 8760 §2.4), nonces are stateless HMACs carrying their issue time (expired ones answer stale=true),
/// nonce-counts must increase per nonce, and a nonce answered without qop is single-use (replays are refused).
/// Unknown and known users get the same 401. Failures are counted by a <see cref="SipAuthGuard"/>: a source that
/// keeps guessing is refused (403, the same for every account) for a cool-down.
/// </summary>
public sealed class SipDigestAuthenticator
{
    private const int NonceBytes = 8 + 8 + 16;
    private const string RefusedReason = "Too many failed authentications";

    /// <summary>Stored for a nonce answered without qop: any later use of it is a replay.</summary>
    private const long UsedWithoutQop = long.MaxValue;
    private readonly SipDigestOptions _options;
    private readonly ISipCredentialStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly byte[] _secret;
    private readonly ConcurrentDictionary<string, long> _nonceCounts = new(StringComparer.Ordinal);

    /// <summary>Without <paramref name="guard"/>, failures are counted by a guard with the default <see cref="SipDefenceOptions"/>.</summary>
    public SipDigestAuthenticator(SipDigestOptions options, ISipCredentialStore store, TimeProvider time, ILogger logger, SipAuthGuard? guard = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Guard = guard ?? new SipAuthGuard(new SipDefenceOptions(), time);
        _options = options;
        _store = store;
        _time = time;
        _logger = logger;
        _secret = options.NonceSecret ?? RandomNumberGenerator.GetBytes(32);
    }

    public string Realm => _options.Realm;

    /// <summary>Counts this authenticator's failures and holds its blocks.</summary>
    public SipAuthGuard Guard { get; }

    /// <summary>Checks the Authorization header; on failure returns the 401 to send (and logs one line).</summary>
    public async ValueTask<SipAuthResult> AuthenticateAsync(SipRequest request, IPAddress source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(source);
        if (!SipDigestCredentials.TryParse(request.Authorization, out var c))
        {
            return SipAuthResult.Fail(CreateChallenge(request, stale: false));
        }

        var user = c!.Username!;
        var realm = RealmOf(request);
        var account = Account(user, realm);
        if (Guard.Begin(source, account) is not null)
        {
            // Refused without looking at the answer: a right password does not help during the cool-down.
            return SipAuthResult.Fail(SipMessageFactory.CreateResponse(request, 403, RefusedReason, SipMessageFactory.NewTag()));
        }

        try
        {
            return await VerifyAsync(request, source, c, user, realm, account, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Guard.Refund(source, account);
            throw;
        }
    }

    private async ValueTask<SipAuthResult> VerifyAsync(
        SipRequest request, IPAddress source, SipDigestCredentials c, string user, string realm, string account, CancellationToken cancellationToken)
    {
        if (!string.Equals(c.Realm, realm, StringComparison.Ordinal))
        {
            return Failure(request, source, user, "wrong realm", stale: false);
        }

        if (!TryReadNonce(c.Nonce!, out var issued))
        {
            return Failure(request, source, user, "forged nonce", stale: false);
        }

        var algorithm = c.Algorithm.ToUpperInvariant();
        if (algorithm is not ("MD5" or "SHA-256"))
        {
            return Failure(request, source, user, "unsupported algorithm", stale: false);
        }

        var credential = await _store.FindAsync(realm, user, cancellationToken).ConfigureAwait(false);
        var ha1 = credential is null ? null
            : algorithm == "MD5" ? credential.Ha1Md5 ?? (credential.Password is null ? null : Hash(algorithm, $"{user}:{realm}:{credential.Password}"))
            : credential.Ha1Sha256 ?? (credential.Password is null ? null : Hash(algorithm, $"{user}:{realm}:{credential.Password}"));

        // Compute the expected answer even for unknown users so timing does not reveal who exists.
        var expected = Expected(algorithm, ha1 ?? Hash(algorithm, user + ":unknown"), request.Method, c);
        var matches = ha1 is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(c.Response!.ToLowerInvariant()));
        if (!matches)
        {
            return Failure(request, source, user, credential is null ? "unknown user" : "wrong password", stale: false);
        }

        if (_time.GetUtcNow() - issued > _options.NonceLifetime)
        {
            Guard.Refund(source, account);
            return Failure(request, source, user, "stale nonce", stale: true);
        }

        if (!AcceptNonceUse(c.Nonce!, c.Qop is not null, c.Nc))
        {
            // The password was right (a captured header): not counted as guessing, just refused.
            Guard.Refund(source, account);
            SipLog.AuthenticationFailed(_logger, user, realm, source, c.Qop is null ? "replayed nonce" : "replayed nonce-count");
            return SipAuthResult.Fail(CreateChallenge(request, stale: false));
        }

        Guard.RecordSuccess(source, account);
        return SipAuthResult.Success(credential!.TenantId, user);
    }

    /// <summary>A 401 with a SHA-256 challenge followed by an MD5 one, sharing a fresh nonce.</summary>
    public SipResponse CreateChallenge(SipRequest request, bool stale)
    {
        var response = SipMessageFactory.CreateResponse(request, 401, toTag: SipMessageFactory.NewTag());
        var nonce = NewNonce();
        var realm = RealmOf(request);
        var staleText = stale ? ", stale=true" : string.Empty;
        if (!IsMd5Only(request.UserAgent))
        {
            response.Headers.Add(SipHeaderKind.WwwAuthenticate, $"Digest realm=\"{realm}\", nonce=\"{nonce}\", algorithm=SHA-256, qop=\"auth\"{staleText}");
        }

        response.Headers.Add(SipHeaderKind.WwwAuthenticate, $"Digest realm=\"{realm}\", nonce=\"{nonce}\", algorithm=MD5, qop=\"auth\"{staleText}");
        return response;
    }

    /// <summary>Computes a digest response (also used by the UAC side).</summary>
    public static string ComputeResponse(string algorithm, string username, string realm, string password, string method, string uri, string nonce, string? qop, string? nc, string? cnonce)
    {
        var ha1 = Hash(algorithm, $"{username}:{realm}:{password}");
        var ha2 = Hash(algorithm, $"{method}:{uri}");
        return qop is null ? Hash(algorithm, $"{ha1}:{nonce}:{ha2}") : Hash(algorithm, $"{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}");
    }

    /// <summary>The realm for a request: <see cref="SipDigestOptions.RealmSelector"/> when set and it answers, else the configured realm.</summary>
    public string RealmOf(SipRequest request) => _options.RealmSelector?.Invoke(request) ?? _options.Realm;

    private bool IsMd5Only(string? userAgent)
    {
        if (userAgent is null)
        {
            return false;
        }

        foreach (var legacy in _options.Md5OnlyUserAgents)
        {
            if (userAgent.Contains(legacy, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string Expected(string algorithm, string ha1, string method, SipDigestCredentials c)
    {
        var ha2 = Hash(algorithm, $"{method}:{c.Uri}");
        return c.Qop is null ? Hash(algorithm, $"{ha1}:{c.Nonce}:{ha2}") : Hash(algorithm, $"{ha1}:{c.Nonce}:{c.Nc}:{c.Cnonce}:{c.Qop}:{ha2}");
    }

    private static string Hash(string algorithm, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var hash = algorithm == "MD5" ? MD5.HashData(bytes) : SHA256.HashData(bytes);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The guard's key: user@realm, lower-case.</summary>
    private static string Account(string user, string realm) => (user + "@" + realm).ToLowerInvariant();

    private SipAuthResult Failure(SipRequest request, IPAddress source, string user, string failure, bool stale)
    {
        var realm = RealmOf(request);
        SipLog.AuthenticationFailed(_logger, user, realm, source, failure);
        if (!stale && Guard.RecordFailure(source, Account(user, realm)) is { } block)
        {
            SipLog.AuthenticationBlocked(_logger, source, SipLogText.Token(block.Account), block.Scope, block.Failures, (int)block.CoolDown.TotalSeconds);
        }

        return SipAuthResult.Fail(CreateChallenge(request, stale));
    }

    /// <summary>
    /// False for a replay: a nonce already answered without qop (single-use), or with qop a nonce-count not above the
    /// last one accepted for the nonce.
    /// </summary>
    private bool AcceptNonceUse(string nonce, bool withQop, string? ncText)
    {
        long nc;
        if (!withQop)
        {
            nc = UsedWithoutQop;
        }
        else if (!long.TryParse(ncText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out nc) || nc <= 0 || nc == UsedWithoutQop)
        {
            return false;
        }

        if (_nonceCounts.Count > 100_000)
        {
            Sweep();
        }

        while (true)
        {
            if (!_nonceCounts.TryGetValue(nonce, out var last))
            {
                if (_nonceCounts.TryAdd(nonce, nc))
                {
                    return true;
                }

                continue;
            }

            if (nc <= last || !withQop)
            {
                return false;
            }

            if (_nonceCounts.TryUpdate(nonce, nc, last))
            {
                return true;
            }
        }
    }

    private void Sweep()
    {
        foreach (var nonce in _nonceCounts.Keys)
        {
            if (!TryReadNonce(nonce, out var issued) || _time.GetUtcNow() - issued > _options.NonceLifetime)
            {
                _nonceCounts.TryRemove(nonce, out _);
            }
        }
    }

    private string NewNonce()
    {
        Span<byte> data = stackalloc byte[NonceBytes];
        BinaryPrimitives.WriteInt64BigEndian(data, _time.GetUtcNow().ToUnixTimeMilliseconds());
        RandomNumberGenerator.Fill(data.Slice(8, 8));
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_secret, data[..16], mac);
        mac[..16].CopyTo(data[16..]);
        return Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private bool TryReadNonce(string nonce, out DateTimeOffset issued)
    {
        issued = default;
        Span<byte> data = stackalloc byte[NonceBytes + 2];
        var b64 = nonce.Replace('-', '+').Replace('_', '/');
        b64 += new string('=', (4 - (b64.Length % 4)) % 4);
        if (!Convert.TryFromBase64String(b64, data, out var n) || n != NonceBytes)
        {
            return false;
        }

        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_secret, data[..16], mac);
        if (!CryptographicOperations.FixedTimeEquals(mac[..16], data.Slice(16, 16)))
        {
            return false;
        }

        issued = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(data));
        return true;
    }
}
