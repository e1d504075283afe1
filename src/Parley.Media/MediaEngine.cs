using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Parley.Media.Rtp;
using Parley.Media.Scheduling;

namespace Parley.Media;

/// <summary>
/// The media engine of one node: the RTP port range, the one <see cref="MediaClock"/> that paces every stream, and
/// the factory of <see cref="MediaSession"/>s. One instance per process (registered by <c>AddParleyMedia</c>).
/// </summary>
public sealed class MediaEngine : IAsyncDisposable
{
    private readonly IPAddress _bindAddress;
    private readonly Lock _lock = new();
    private EpollReceiveHost? _receiveHost;
    private int _activeSessions;
    private long _sessionsRefused;
    private long _closedPacketsSent;
    private long _closedPacketsReceived;
    private long _closedPacketsLost;
    private long _closedFramesDropped;

    public MediaEngine(MediaOptions options, TimeProvider? time = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        Time = time ?? TimeProvider.System;
        loggerFactory ??= NullLoggerFactory.Instance;
        Logger = loggerFactory.CreateLogger<MediaEngine>();
        _bindAddress = options.GetBindAddress();
        AdvertisedAddress = options.GetAdvertisedAddress();
        Ports = new RtpPortAllocator(options.RtpPortMin, options.RtpPortMax);
        Clock = new MediaClock(Time, options.Clock, loggerFactory.CreateLogger<MediaClock>());
    }

    public MediaOptions Options { get; }

    public TimeProvider Time { get; }

    public MediaClock Clock { get; }

    public RtpPortAllocator Ports { get; }

    /// <summary>
    /// The address for SDP <c>c=</c> lines when the call's arrival address is unknown: the configured
    /// <see cref="MediaOptions.AdvertisedAddress"/>, else a specific bind address, else loopback. Answers to calls use
    /// <see cref="AdvertisedAddressFor"/>.
    /// </summary>
    public IPAddress AdvertisedAddress { get; }

    /// <summary>
    /// The address for the <c>c=</c> line of an SDP answer to a call whose SIP request arrived on
    /// <paramref name="arrivedOn"/>: the configured <see cref="MediaOptions.AdvertisedAddress"/> (NAT) when set; else a
    /// specific <see cref="MediaOptions.BindAddress"/> (the only address RTP listens on); else, with RTP on a wildcard,
    /// <paramref name="arrivedOn"/> itself, so the caller sends media where it reached the signalling. Falls back to
    /// <see cref="AdvertisedAddress"/> when <paramref name="arrivedOn"/> is unknown, a wildcard, or IPv6 while RTP binds
    /// IPv4 only.
    /// </summary>
    public IPAddress AdvertisedAddressFor(IPAddress? arrivedOn)
    {
        var wildcardBind = _bindAddress.Equals(IPAddress.Any) || _bindAddress.Equals(IPAddress.IPv6Any);
        if (Options.AdvertisedAddress is not null || !wildcardBind || arrivedOn is null)
        {
            return AdvertisedAddress;
        }

        var local = arrivedOn.IsIPv4MappedToIPv6 ? arrivedOn.MapToIPv4() : arrivedOn;
        var unusable = local.Equals(IPAddress.Any) || local.Equals(IPAddress.IPv6Any)
            || (local.AddressFamily == AddressFamily.InterNetworkV6 && _bindAddress.Equals(IPAddress.Any));
        return unusable ? AdvertisedAddress : local;
    }

    public int ActiveSessions => Volatile.Read(ref _activeSessions);

    internal ILogger Logger { get; }

    /// <summary>Sessions <see cref="TryCreateSession"/> could not open because the RTP port range was exhausted, since start.</summary>
    public long SessionsRefused => Interlocked.Read(ref _sessionsRefused);

    /// <summary>Allocates a port pair and binds it. Throws <see cref="InvalidOperationException"/> when the range is exhausted.</summary>
    public MediaSession CreateSession() =>
        TryCreateSession() ?? throw new InvalidOperationException($"No free RTP port pair in {Ports.MinPort}..{Ports.MaxPort}.");

    /// <summary>
    /// Allocates a port pair and binds it; null when the range is exhausted (counted in <see cref="SessionsRefused"/>),
    /// so a call can be refused with 503 before it is answered instead of failing.
    /// </summary>
    public MediaSession? TryCreateSession()
    {
        var endpoint = RtpEndpoint.TryOpen(_bindAddress, Ports, Logger, ReceiveHost());
        if (endpoint is null)
        {
            Interlocked.Increment(ref _sessionsRefused);
            return null;
        }

        Interlocked.Increment(ref _activeSessions);
        if (Options.AutoStartClock)
        {
            Clock.Start();
        }

        return new MediaSession(this, endpoint);
    }

    /// <summary>Packets received by the shared receive thread (0 when sockets use async loops).</summary>
    public long SharedThreadPacketsReceived => _receiveHost?.PacketsReceived ?? 0;

    /// <summary>
    /// RTP totals of every session closed since start (sent, received, lost by sequence gaps, outgoing frames dropped):
    /// the call-quality counters on <c>/metrics</c>. A session counts when it closes, so a live call is not in them yet.
    /// </summary>
    public ClosedSessionTotals ClosedSessions => new(
        Interlocked.Read(ref _closedPacketsSent), Interlocked.Read(ref _closedPacketsReceived),
        Interlocked.Read(ref _closedPacketsLost), Interlocked.Read(ref _closedFramesDropped));

    internal void OnSessionClosed(MediaSessionStatistics statistics)
    {
        Interlocked.Add(ref _closedPacketsSent, statistics.PacketsSent);
        Interlocked.Add(ref _closedPacketsReceived, statistics.PacketsReceived);
        Interlocked.Add(ref _closedPacketsLost, statistics.PacketsLost);
        Interlocked.Add(ref _closedFramesDropped, statistics.OutgoingFramesDropped);
        Interlocked.Decrement(ref _activeSessions);
    }

    public async ValueTask DisposeAsync()
    {
        await Clock.DisposeAsync().ConfigureAwait(false);
        lock (_lock)
        {
            _receiveHost?.Dispose();
            _receiveHost = null;
        }
    }

    private EpollReceiveHost? ReceiveHost()
    {
        if (!Options.SharedReceiveThread || !EpollReceiveHost.IsSupported)
        {
            return null;
        }

        lock (_lock)
        {
            return _receiveHost ??= new EpollReceiveHost(Options.Clock.ThreadPriority, Logger);
        }
    }
}
