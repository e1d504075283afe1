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

    /// <summary>Deletes at most <paramref name="maxCount"/> bindings that expired at or before <paramref name="now"/>; returns how many.</summary>
    ValueTask<int> RemoveExpiredAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken);
}
