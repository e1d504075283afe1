using System.Collections.Concurrent;

namespace Parley.Sip.Registrar;

/// <summary>The default binding store: process memory, one node, forgotten on restart. Servers plug in a durable one.</summary>
public sealed class InMemorySipBindingStore : ISipBindingStore
{
    private readonly ConcurrentDictionary<string, SipBinding[]> _bindings = new(StringComparer.OrdinalIgnoreCase);

    public ValueTask<IReadOnlyList<SipBinding>> LoadAsync(string aor, string? tenantId, CancellationToken cancellationToken)
    {
        IReadOnlyList<SipBinding> found = _bindings.TryGetValue(aor, out var set)
            ? [.. set.Where(b => tenantId is null || string.Equals(b.TenantId, tenantId, StringComparison.Ordinal))]
            : [];
        return ValueTask.FromResult(found);
    }

    public ValueTask ReplaceAsync(string aor, string? tenantId, IReadOnlyList<SipBinding> bindings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        if (bindings.Count == 0)
        {
            _bindings.TryRemove(aor, out _);
        }
        else
        {
            _bindings[aor] = [.. bindings];
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<int> RemoveExpiredAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var (aor, set) in _bindings)
        {
            if (removed >= maxCount)
            {
                break;
            }

            var expired = set.Where(b => b.ExpiresAt <= now).Take(maxCount - removed).ToHashSet();
            if (expired.Count == 0)
            {
                continue;
            }

            SipBinding[] kept = [.. set.Where(b => !expired.Contains(b))];
            if (_bindings.TryUpdate(aor, kept, set))
            {
                removed += expired.Count;
                if (kept.Length == 0)
                {
                    _bindings.TryRemove(new KeyValuePair<string, SipBinding[]>(aor, kept));
                }
            }
        }

        return ValueTask.FromResult(removed);
    }
}
