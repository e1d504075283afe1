using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Parley.Sip.Transactions;

namespace Parley.Sip.Defence;

/// <summary>
/// Counts digest failures per (source, account) and per source and refuses a guessing source for a cool-down
/// (<see cref="SipDefenceOptions"/> <c>Auth*</c>). Loopback and trusted sources are counted like any other. IPv6 sources
/// are counted per /64 (one host's usual allocation). Memory is bounded: at most
/// <see cref="SipDefenceOptions.AuthMaxTrackedEntries"/> entries per table, expired ones swept on the stack's timer
/// scheduler (<see cref="SweepOn"/>) and whenever a table is full. Counters and events feed the host's metrics.
/// </summary>
public sealed class SipAuthGuard
{
    /// <summary>Longest account key kept; longer user names are cut (they are attacker-chosen).</summary>
    public const int MaxAccountLength = 128;

    private readonly SipDefenceOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<(IPAddress Source, string Account), AccountState> _accounts = new();
    private readonly ConcurrentDictionary<IPAddress, SourceState> _sources = new();
    private SipTimerScheduler? _scheduler;
    private long _failures;
    private long _refusals;
    private long _blocks;
    private long _untracked;

    public SipAuthGuard(SipDefenceOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        _options = options;
        _time = time;
    }

    /// <summary>Raised for each failure counted.</summary>
    public event Action? FailureCounted;

    /// <summary>Raised when a block starts (once per block).</summary>
    public event Action<SipAuthBlock>? Blocked;

    /// <summary>Raised for each request refused because of a block.</summary>
    public event Action<SipAuthBlockScope>? Refused;

    public SipDefenceOptions Options => _options;

    /// <summary>Failures counted since start.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Requests refused since start.</summary>
    public long Refusals => Interlocked.Read(ref _refusals);

    /// <summary>Blocks started since start.</summary>
    public long Blocks => Interlocked.Read(ref _blocks);

    /// <summary>Times a failure was not tracked because a table was full of live entries (counted per table).</summary>
    public long Untracked => Interlocked.Read(ref _untracked);

    /// <summary>(source, account) entries plus source entries held now.</summary>
    public int TrackedEntries => _accounts.Count + _sources.Count;

    /// <summary>
    /// Starts an attempt of this source on this account: the block that refuses it, or null when its answer may be
    /// checked. An admitted attempt holds one of the account's <see cref="SipDefenceOptions.AuthMaxFailures"/> slots until
    /// <see cref="RecordFailure"/>, <see cref="RecordSuccess"/> or <see cref="Refund"/>, so parallel guesses cannot
    /// get more answers checked than the limit.
    /// </summary>
    public SipAuthBlockScope? Begin(IPAddress source, string account)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(account);
        var now = _time.GetUtcNow();
        var ip = Key(source);
        SipAuthBlockScope? scope = null;
        if (_sources.TryGetValue(ip, out var s) && s.IsBlocked(now))
        {
            scope = SipAuthBlockScope.Source;
        }
        else if (Track(_accounts, (ip, Cut(account))) is { } a && !a.TryReserve(now, _options))
        {
            scope = SipAuthBlockScope.Account;
        }

        if (scope is { } refused)
        {
            Interlocked.Increment(ref _refusals);
            Refused?.Invoke(refused);
        }

        return scope;
    }

    /// <summary>An attempt that neither failed nor succeeded (a stale nonce or a replay of a right answer): frees its slot.</summary>
    public void Refund(IPAddress source, string account)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(account);
        if (_accounts.TryGetValue((Key(source), Cut(account)), out var a))
        {
            a.Release();
        }
    }

    /// <summary>Counts one failure; returns the block it started (the source-wide one when both start), else null.</summary>
    public SipAuthBlock? RecordFailure(IPAddress source, string account)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(account);
        Interlocked.Increment(ref _failures);
        FailureCounted?.Invoke();
        var now = _time.GetUtcNow();
        var ip = Key(source);
        account = Cut(account);
        source = source.IsIPv4MappedToIPv6 ? source.MapToIPv4() : source;
        SipAuthBlock? started = null;
        if (Track(_accounts, (ip, account)) is { } a)
        {
            if (a.Count(now, _options))
            {
                started = new SipAuthBlock(source, account, SipAuthBlockScope.Account, _options.AuthMaxFailures, _options.AuthCoolDown);
            }
        }

        if (started is not null)
        {
            Started(started);
        }

        if (Track(_sources, ip) is { } s)
        {
            if (s.Count(account, now, _options, out var accounts))
            {
                started = new SipAuthBlock(source, "*", SipAuthBlockScope.Source, accounts, _options.AuthCoolDown);
                Started(started);
            }
        }

        return started;
    }

    /// <summary>A right answer: forgets this source's failures on this account (its other counts stay).</summary>
    public void RecordSuccess(IPAddress source, string account)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(account);
        var key = (Key(source), Cut(account));
        if (_accounts.TryGetValue(key, out var a) && !a.IsBlocked(_time.GetUtcNow()))
        {
            _accounts.TryRemove(KeyValuePair.Create(key, a));
        }
    }

    /// <summary>Sweeps expired entries every <see cref="SipDefenceOptions.AuthSweepInterval"/> on this scheduler (once; later calls do nothing).</summary>
    public void SweepOn(SipTimerScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        if (Interlocked.CompareExchange(ref _scheduler, scheduler, null) is null)
        {
            ScheduleSweep();
        }
    }

    /// <summary>Drops entries whose window and block are over; returns how many.</summary>
    public int Sweep()
    {
        var now = _time.GetUtcNow();
        var removed = 0;
        foreach (var entry in _accounts)
        {
            if (entry.Value.IsExpired(now, _options) && _accounts.TryRemove(entry))
            {
                removed++;
            }
        }

        foreach (var entry in _sources)
        {
            if (entry.Value.IsExpired(now, _options) && _sources.TryRemove(entry))
            {
                removed++;
            }
        }

        return removed;
    }

    private static string Cut(string account) => account.Length > MaxAccountLength ? account[..MaxAccountLength] : account;

    private static IPAddress Key(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address;
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes);
    }

    private void ScheduleSweep() => _scheduler!.Schedule(_options.AuthSweepInterval, static s =>
    {
        var guard = (SipAuthGuard)s!;
        guard.Sweep();
        guard.ScheduleSweep();
    }, this);

    private void Started(SipAuthBlock block)
    {
        Interlocked.Increment(ref _blocks);
        Blocked?.Invoke(block);
    }

    private TState? Track<TKey, TState>(ConcurrentDictionary<TKey, TState> table, TKey key)
        where TKey : notnull
        where TState : class, new()
    {
        if (table.TryGetValue(key, out var state))
        {
            return state;
        }

        if (table.Count >= _options.AuthMaxTrackedEntries)
        {
            Sweep();
            if (table.Count >= _options.AuthMaxTrackedEntries)
            {
                Interlocked.Increment(ref _untracked);
                return null;
            }
        }

        return table.GetOrAdd(key, static _ => new TState());
    }

    /// <summary>Failures of one source on one account in the current window, and its block.</summary>
    private sealed class AccountState
    {
        private readonly Lock _gate = new();
        private long _windowStart;
        private int _failures;
        private int _attempts;
        private long _blockedUntil;

        public bool IsBlocked(DateTimeOffset now) => now.UtcTicks < Volatile.Read(ref _blockedUntil);

        public bool IsExpired(DateTimeOffset now, SipDefenceOptions options)
        {
            lock (_gate)
            {
                return !IsBlocked(now) && now.UtcTicks - _windowStart >= options.AuthFailureWindow.Ticks;
            }
        }

        /// <summary>Holds a slot for an attempt; false while blocked or while every slot of the window is taken.</summary>
        public bool TryReserve(DateTimeOffset now, SipDefenceOptions options)
        {
            lock (_gate)
            {
                if (IsBlocked(now))
                {
                    return false;
                }

                if (now.UtcTicks - _windowStart >= options.AuthFailureWindow.Ticks)
                {
                    _windowStart = now.UtcTicks;
                    _failures = 0;
                    _attempts = 0;
                }

                if (_attempts >= options.AuthMaxFailures)
                {
                    return false;
                }

                _attempts++;
                return true;
            }
        }

        public void Release()
        {
            lock (_gate)
            {
                _attempts = Math.Max(0, _attempts - 1);
            }
        }

        /// <summary>Counts a failure; true when it starts a block.</summary>
        public bool Count(DateTimeOffset now, SipDefenceOptions options)
        {
            lock (_gate)
            {
                return CountLocked(now, options);
            }
        }

        private bool CountLocked(DateTimeOffset now, SipDefenceOptions options)
        {
            if (IsBlocked(now))
            {
                return false;
            }

            if (now.UtcTicks - _windowStart >= options.AuthFailureWindow.Ticks)
            {
                _windowStart = now.UtcTicks;
                _failures = 0;
                _attempts = 0;
            }

            if (++_failures < options.AuthMaxFailures)
            {
                return false;
            }

            _failures = 0;
            _attempts = 0;
            _windowStart = now.UtcTicks;
            Volatile.Write(ref _blockedUntil, (now + options.AuthCoolDown).UtcTicks);
            return true;
        }
    }

    /// <summary>The distinct accounts one source failed on in the current window, and its block.</summary>
    private sealed class SourceState
    {
        private readonly Lock _gate = new();
        private readonly HashSet<string> _accounts = new(StringComparer.Ordinal);
        private long _windowStart;
        private long _blockedUntil;

        public bool IsBlocked(DateTimeOffset now) => now.UtcTicks < Volatile.Read(ref _blockedUntil);

        public bool IsExpired(DateTimeOffset now, SipDefenceOptions options)
        {
            lock (_gate)
            {
                return !IsBlocked(now) && now.UtcTicks - _windowStart >= options.AuthFailureWindow.Ticks;
            }
        }

        /// <summary>Counts a failure on an account; true when it starts a block.</summary>
        public bool Count(string account, DateTimeOffset now, SipDefenceOptions options, out int accounts)
        {
            lock (_gate)
            {
                return CountLocked(account, now, options, out accounts);
            }
        }

        private bool CountLocked(string account, DateTimeOffset now, SipDefenceOptions options, out int accounts)
        {
            accounts = _accounts.Count;
            if (IsBlocked(now))
            {
                return false;
            }

            if (now.UtcTicks - _windowStart >= options.AuthFailureWindow.Ticks)
            {
                _windowStart = now.UtcTicks;
                _accounts.Clear();
            }

            _accounts.Add(account);
            accounts = _accounts.Count;
            if (accounts < options.AuthMaxAccountsPerSource)
            {
                return false;
            }

            _accounts.Clear();
            _windowStart = now.UtcTicks;
            Volatile.Write(ref _blockedUntil, (now + options.AuthCoolDown).UtcTicks);
            return true;
        }
    }
}
