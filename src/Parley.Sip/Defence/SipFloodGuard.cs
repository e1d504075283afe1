using System.Collections.Concurrent;
using System.Net;

namespace Parley.Sip.Defence;

/// <summary>Per-source fixed-window rate tracking; a source over the threshold is blocked for the cool-down.</summary>
public sealed class SipFloodGuard
{
    private readonly SipDefenceOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<IPAddress, SourceState> _sources = new();
    private readonly HashSet<IPAddress> _trusted;
    private readonly HashSet<IPAddress> _proxies;

    public SipFloodGuard(SipDefenceOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time;
        _trusted = [.. options.TrustedAddresses.Select(Normalize)];
        _proxies = [.. options.ProxyAddresses.Select(Normalize)];
        _trusted.UnionWith(_proxies);
    }

    /// <summary>True when <paramref name="source"/> is one of the proxies in front of this node.</summary>
    public bool IsProxy(IPAddress source) => _proxies.Count > 0 && _proxies.Contains(Normalize(source));

    /// <summary>Raised once when a source starts a cool-down.</summary>
    public event Action<IPAddress>? Blocked;

    public int TrackedSources => _sources.Count;

    /// <summary>Counts one message from the source; false while it is blocked.</summary>
    public bool Admit(IPAddress source)
    {
        ArgumentNullException.ThrowIfNull(source);
        source = Normalize(source);
        if (_trusted.Contains(source) || (_options.TrustLoopback && IPAddress.IsLoopback(source)))
        {
            return true;
        }

        var now = _time.GetUtcNow();
        if (_sources.Count >= _options.MaxTrackedSources)
        {
            Sweep(now);
        }

        var state = _sources.GetOrAdd(source, static _ => new SourceState());
        var blockedNow = false;
        lock (state)
        {
            if (now < state.BlockedUntil)
            {
                return false;
            }

            if (now - state.WindowStart >= _options.Window)
            {
                state.WindowStart = now;
                state.Count = 0;
            }

            if (++state.Count > _options.MaxMessagesPerWindow)
            {
                state.BlockedUntil = now + _options.CoolDown;
                blockedNow = true;
            }
        }

        if (blockedNow)
        {
            Blocked?.Invoke(source);
            return false;
        }

        return true;
    }

    /// <summary>True while the source is in its cool-down.</summary>
    public bool IsBlocked(IPAddress source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return _sources.TryGetValue(Normalize(source), out var s) && _time.GetUtcNow() < s.BlockedUntil;
    }

    /// <summary>True when the User-Agent belongs to a known scanner.</summary>
    public bool IsScanner(string? userAgent)
    {
        if (string.IsNullOrEmpty(userAgent))
        {
            return false;
        }

        foreach (var s in _options.ScannerUserAgents)
        {
            if (userAgent.Contains(s, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static IPAddress Normalize(IPAddress a) => a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a;

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (ip, s) in _sources)
        {
            if (now >= s.BlockedUntil && now - s.WindowStart >= _options.Window)
            {
                _sources.TryRemove(ip, out _);
            }
        }
    }

    private sealed class SourceState
    {
        public DateTimeOffset WindowStart;
        public int Count;
        public DateTimeOffset BlockedUntil;
    }
}
