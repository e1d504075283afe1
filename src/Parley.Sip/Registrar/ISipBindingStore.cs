namespace Parley.Sip.Registrar;

/// <summary>
/// Where the registrar keeps its bindings. The registrar writes the whole binding set of an address of record before it
/// answers 200 OK, so a store that survives restarts (and is shared by the nodes) makes acknowledged registrations durable.
/// Implementations throw on failure; the registrar then answers 500 with Retry-After and the old set stays as it was.
/// </summary>
public interface ISipBindingStore
{
    /// <summary>
    /// The stored bindings of <paramref name="aor"/>, expired ones included. <paramref name="tenantId"/> is the tenant that
    /// authenticated the request, or null when the caller does not know it (a lookup): the store then decides the owner.
    /// </summary>
    ValueTask<IReadOnlyList<SipBinding>> LoadAsync(string aor, string? tenantId, CancellationToken cancellationToken);

    /// <summary>Replaces the binding set of <paramref name="aor"/> atomically: afterwards exactly <paramref name="bindings"/> are stored.</summary>
    ValueTask ReplaceAsync(string aor, string? tenantId, IReadOnlyList<SipBinding> bindings, CancellationToken cancellationToken);

    /// <summary>
    /// Holds <paramref name="aor"/> against the other nodes sharing this store until the result is disposed: the registrar
    /// takes it around its read-modify-write of a binding set (after its own per-AOR lock, which covers this node), so two
    /// REGISTERs of one address of record arriving on two nodes at once cannot lose each other's binding. A store used by
    /// one node needs none.
    /// </summary>
    ValueTask<IAsyncDisposable> LockAsync(string aor, CancellationToken cancellationToken) => ValueTask.FromResult(SipBindingLock.None);

    /// <summary>Deletes at most <paramref name="maxCount"/> bindings that expired at or before <paramref name="now"/>; returns how many.</summary>
    ValueTask<int> RemoveExpiredAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken);
}
