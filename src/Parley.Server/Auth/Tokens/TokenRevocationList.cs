using System.Collections.Concurrent;

namespace Parley.Server.Auth.Tokens;

/// <summary>
/// The access tokens revoked before they expire, held in memory so a request's bearer token is checked without a
/// database read: token entry id → expiry. Revocations made on this node enter at once; the database copy (the
/// OpenIddict token entries marked revoked) is read again every <see cref="Options.AccessTokenOptions.RevocationRefreshInterval"/>
/// by <see cref="RevokedTokenRefresher"/>, which brings in revocations made on other nodes and forgets expired tokens.
/// </summary>
public sealed class TokenRevocationList(TimeProvider time)
{
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile ConcurrentDictionary<string, DateTimeOffset> _revoked = new(StringComparer.Ordinal);

    /// <summary>Completes once the list has been read from the database; until then no token is accepted.</summary>
    public Task Loaded => _loaded.Task;

    public bool IsRevoked(string tokenId) => _revoked.ContainsKey(tokenId);

    public void Revoke(string tokenId, DateTimeOffset expires)
    {
        if (expires > time.GetUtcNow())
        {
            _revoked[tokenId] = expires;
        }
    }

    /// <summary>
    /// Takes in what the database holds, keeping every revocation already known until it expires (one made on this node
    /// a moment ago may have committed after the read) and dropping expired ones.
    /// </summary>
    public void Replace(IEnumerable<(string Id, DateTimeOffset Expires)> stored)
    {
        var now = time.GetUtcNow();
        var next = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var (id, expires) in stored)
        {
            next[id] = expires;
        }

        // Never forget a revocation before it expires: one the database does not show yet was made here a moment ago.
        foreach (var (id, expires) in _revoked)
        {
            if (expires > now)
            {
                next.TryAdd(id, expires);
            }
        }

        _revoked = next;
        _loaded.TrySetResult();
    }
}
