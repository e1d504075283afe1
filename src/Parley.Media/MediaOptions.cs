using System.Net;
using Parley.Media.Scheduling;

namespace Parley.Media;

/// <summary>Media engine options, bound from <c>Parley:Media</c>. Defaults suit one node behind no NAT.</summary>
public sealed class MediaOptions
{
    public const string SectionName = "Parley:Media";

    /// <summary>Address RTP sockets bind to. Default <c>0.0.0.0</c> (all IPv4 interfaces); <c>::</c> binds dual-stack.</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>
    /// Address written into SDP <c>c=</c>, for a node behind NAT (its public address). Default: none, and then a
    /// specific <see cref="BindAddress"/>, or with a wildcard bind the local address on which the call's SIP request
    /// arrived (<see cref="MediaEngine.AdvertisedAddressFor"/>); 127.0.0.1 only when neither is known.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Lowest RTP port (rounded up to even). Default 10000.</summary>
    public int RtpPortMin { get; set; } = 10000;

    /// <summary>Highest port of the range (the last RTCP port). Default 20000, i.e. 5,000 concurrent streams.</summary>
    public int RtpPortMax { get; set; } = 20000;

    /// <summary>How long the latched peer must be silent before another source may take over. Default 1 s.</summary>
    public TimeSpan RelatchAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Interval between our RTCP reports. Default 5 s (RFC 3550 §6.2 minimum); zero disables RTCP sending.</summary>
    public TimeSpan RtcpInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Length of each RFC 4733 digit we send. Default 100 ms.</summary>
    public int DigitDurationMs { get; set; } = 100;

    /// <summary>
    /// How long a session may go without RTP from a peer that should be sending (the negotiated direction includes
    /// receive) before <see cref="MediaSession.ReceiveTimedOut"/> is raised, so the call can be ended instead of
    /// lingering after a phone vanished without BYE. Zero disables it. Default 30 s.
    /// </summary>
    public TimeSpan ReceiveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Send G.711 silence when there is nothing to play, keeping NAT bindings and peers' jitter buffers alive. Default true.</summary>
    public bool SendSilenceWhenIdle { get; set; } = true;

    /// <summary>Start the media clock with the first session. Tests turn this off and call <see cref="MediaClock.RunDue"/>.</summary>
    public bool AutoStartClock { get; set; } = true;

    /// <summary>
    /// Receive on all sockets from one epoll thread (Linux x64; elsewhere ignored). Default true. False: one async
    /// receive loop per socket on the thread pool.
    /// </summary>
    public bool SharedReceiveThread { get; set; } = true;

    /// <summary>CNAME in our RTCP SDES. Default <c>parley</c>.</summary>
    public string RtcpCname { get; set; } = "parley";

    public MediaClockOptions Clock { get; set; } = new();

    public IPAddress GetBindAddress() =>
        IPAddress.TryParse(BindAddress, out var address) ? address : throw new ArgumentException($"BindAddress '{BindAddress}' is not an IP address.");

    public IPAddress GetAdvertisedAddress()
    {
        if (AdvertisedAddress is not null)
        {
            return IPAddress.TryParse(AdvertisedAddress, out var advertised)
                ? advertised
                : throw new ArgumentException($"AdvertisedAddress '{AdvertisedAddress}' is not an IP address.");
        }

        var bind = GetBindAddress();
        return bind.Equals(IPAddress.Any) ? IPAddress.Loopback : bind.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback : bind;
    }

    /// <summary>Throws on an unusable configuration; called at start-up.</summary>
    public void Validate()
    {
        GetBindAddress();
        GetAdvertisedAddress();
        _ = new Rtp.RtpPortAllocator(RtpPortMin, RtpPortMax);
        if (RelatchAfter < TimeSpan.Zero || RtcpInterval < TimeSpan.Zero || ReceiveTimeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RelatchAfter), "Intervals must not be negative.");
        }

        if (DigitDurationMs is < 40 or > 2000)
        {
            throw new ArgumentOutOfRangeException(nameof(DigitDurationMs), "DigitDurationMs must be 40..2000.");
        }

        Clock.Validate();
    }
}
