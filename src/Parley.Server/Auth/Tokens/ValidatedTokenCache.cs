using System.Collections.Concurrent;
using System.Security.Claims;

namespace Parley.Server.Auth.Tokens;

/// <summary>
/// Access tokens this node has already validated (signature, issuer, lifetime), keyed by the exact token text, until
/// they expire: a client that sends the same token again is not parsed and verified again. It holds no decision that
/// can change during a token's life — revocation is still checked on every request, against
/// <see cref="TokenRevocationList"/>. Bounded: when full, expired entries are dropped and, if none were, new tokens
/// are simply validated every time.
/// </summary>
public sealed class ValidatedTokenCache(TimeProvider time)
{
    /// <summary>The most tokens held; each entry is the token text and its principal, a few kilobytes.</summary>
    public const int Capacity = 4_096;

    private readonly ConcurrentDictionary<string, ValidatedToken> _tokens = new(StringComparer.Ordinal);

    public int Count => _tokens.Count;

    /// <summary>
    /// A copy of the principal validated for this token, or null when it is not held or has expired. Looked up by the
    /// header's characters: a token is a kilobyte or two, and copying it out of the header on every request was 2 % of
    /// what an API request allocates.
    /// </summary>
    public ValidatedToken? Find(ReadOnlySpan<char> token)
    {
        var byText = _tokens.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!byText.TryGetValue(token, out var held))
        {
            return null;
        }

        if (held.Expires <= time.GetUtcNow())
        {
            byText.TryRemove(token, out _);
            return null;
        }

        return held with { Principal = Copy(held.Principal) };
    }

    /// <summary>A copy down to the identities: <see cref="ClaimsPrincipal.Clone"/> shares them, so a claim added by one request would reach the next.</summary>
    private static ClaimsPrincipal Copy(ClaimsPrincipal principal) => new(principal.Identities.Select(identity => identity.Clone()));

    public void Forget(ReadOnlySpan<char> token) => _tokens.GetAlternateLookup<ReadOnlySpan<char>>().TryRemove(token, out _);

    public void Add(string token, ClaimsPrincipal principal, string tokenId, DateTimeOffset expires)
    {
        var now = time.GetUtcNow();
        if (expires <= now)
        {
            return;
        }

        if (_tokens.Count >= Capacity)
        {
            foreach (var (key, held) in _tokens)
            {
                if (held.Expires <= now)
                {
                    _tokens.TryRemove(key, out _);
                }
            }

            if (_tokens.Count >= Capacity)
            {
                return;
            }
        }

        _tokens[token] = new ValidatedToken(Copy(principal), tokenId, expires);
    }
}

/// <param name="Principal">The identity OpenIddict built from the token.</param>
/// <param name="TokenId">The token entry's id, checked against <see cref="TokenRevocationList"/> on every use.</param>
/// <param name="Expires">The token's own expiry.</param>
public sealed record ValidatedToken(ClaimsPrincipal Principal, string TokenId, DateTimeOffset Expires);
