using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Parley.Media.Audio;
using Parley.Media.Codecs;
using Parley.Media.Dtmf;
using Parley.Media.Rtp;
using Parley.Media.Scheduling;
using Parley.Media.Sdp;

namespace Parley.Media;

/// <summary>
/// One call's audio stream: an <see cref="RtpEndpoint"/> plus everything between the wire and the application —
/// symmetric-RTP latching, receive statistics, RFC 4733 digits in and out, and 20 ms paced sending driven by the
/// engine's one <see cref="MediaClock"/>. Create with <see cref="MediaEngine.CreateSession"/>, put
/// <see cref="LocalPort"/> in the SDP, then <see cref="Start"/> with the negotiated audio.
/// <para>Handlers (<see cref="AudioReceived"/>, <see cref="DigitReceived"/>) run on a socket thread: keep them short.</para>
/// </summary>
public sealed partial class MediaSession : IPacedStream, IAsyncDisposable
{
    private const int SamplesPerFrame = 160;
    private const int MaxPayload = 1024;
    private readonly MediaEngine _engine;
    private readonly RtpEndpoint _endpoint;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RtpSender _sender = RtpSender.CreateRandom();
    private readonly RtpReceiveStatistics _stats = new();
    private readonly SymmetricRtpLatch _latch;
    private readonly TelephoneEventReceiver _digitsIn;
    private readonly TelephoneEventSender _digitsOut;
    private readonly PayloadFifo _outgoing = new(8000 / 5);
    private readonly byte[] _packet = new byte[RtpHeader.FixedLength + MaxPayload];
    private readonly byte[] _payload = new byte[SamplesPerFrame];
    private readonly short[] _pcm = new short[SamplesPerFrame];
    private readonly long _startTimestamp;
    private MediaClockRegistration? _registration;
    private volatile NegotiatedAudio? _audio;
    private volatile SocketAddress? _remoteRtp;
    private volatile SocketAddress? _remoteRtcp;
    private volatile IAudioFrameSource? _source;
    private long _invalid;
    private long _otherSources;
    private long _digitsReceived;
    private bool _talkspurt = true;
    private uint _eventTimestamp;
    private int _disposed;

    internal MediaSession(MediaEngine engine, RtpEndpoint endpoint)
    {
        _engine = engine;
        _endpoint = endpoint;
        _time = engine.Time;
        _logger = engine.Logger;
        _startTimestamp = _time.GetTimestamp();
        _latch = new SymmetricRtpLatch(_time, engine.Options.RelatchAfter);
        _digitsIn = new TelephoneEventReceiver(OnDigit);
        _digitsOut = new TelephoneEventSender(SamplesPerFrame, engine.Options.DigitDurationMs);
        SendSilenceWhenIdle = engine.Options.SendSilenceWhenIdle;
        _receiveTimeout = (long)(engine.Options.ReceiveTimeout.TotalSeconds * _time.TimestampFrequency);
        _rtcpIntervalFrames = engine.Options.RtcpInterval <= TimeSpan.Zero
            ? 0
            : (int)Math.Max(1, engine.Options.RtcpInterval / engine.Clock.FrameDuration);
    }

    /// <summary>The RTP port to put in our SDP (RTCP is the port above).</summary>
    public int LocalPort => _endpoint.LocalPort;

    public uint Ssrc => _sender.Ssrc;

    /// <summary>What offer/answer agreed; null before <see cref="Start"/>.</summary>
    public NegotiatedAudio? Audio => _audio;

    public bool IsStarted => _registration is not null;

    /// <summary>Audio payloads as they arrive (after latching and statistics).</summary>
    public AudioPayloadHandler? AudioReceived { get; set; }

    /// <summary>Digits from RFC 4733 packets or from <see cref="HandleDtmfRelay"/>.</summary>
    public event Action<MediaSession, DtmfDigit>? DigitReceived;

    /// <summary>Send every received audio payload back to the peer (the echo test).</summary>
    public bool Echo { get; set; }

    public bool SendSilenceWhenIdle { get; set; }

    /// <summary>The address we send to: the latched source, or the SDP address before any packet arrived.</summary>
    public SocketAddress? RemoteRtp => _remoteRtp;

    /// <summary>Begins receiving and paced sending with the negotiated parameters.</summary>
    public void Start(NegotiatedAudio audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_registration is not null)
        {
            throw new InvalidOperationException("The session is already started; use Update for a re-INVITE.");
        }

        Update(audio);
        _endpoint.StartReceiving(OnRtp, OnRtcp);
        _registration = _engine.Clock.Register(this);
    }

    /// <summary>Applies a new negotiation (re-INVITE: hold, resume, new address or codec).</summary>
    public void Update(NegotiatedAudio audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        var previous = _audio;
        _audio = audio;
        if (!_latch.IsLatched || previous is null || previous.RemoteAddress != audio.RemoteAddress || previous.RemotePort != audio.RemotePort)
        {
            _remoteRtp = ToSocketAddress(audio.RemoteAddress, audio.RemotePort);
            _remoteRtcp = ToSocketAddress(audio.RemoteAddress, audio.RemoteRtcpPort);
        }

        _talkspurt = true;
        Heard(_time.GetTimestamp());
    }

    /// <summary>Plays linear audio from a source (a prompt, TTS, a mixer); null stops playing.</summary>
    public void Play(IAudioFrameSource? source)
    {
        _source = source;
        _talkspurt = true;
    }

    /// <summary>Queues encoded payload (in the negotiated codec) to be sent in 20 ms frames.</summary>
    public void EnqueuePayload(ReadOnlySpan<byte> payload) => _outgoing.Write(payload);

    /// <summary>Queues digits to send as RFC 4733 events; false if the peer did not agree telephone-event or a digit is invalid.</summary>
    public bool SendDigits(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (_audio?.TelephoneEventPayloadType is null)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!DtmfDigits.TryToEvent(c, out _))
            {
                return false;
            }
        }

        foreach (var c in digits)
        {
            _digitsOut.Enqueue(c);
        }

        return true;
    }

    /// <summary>Feeds the body of a SIP INFO <c>application/dtmf-relay</c>; raises <see cref="DigitReceived"/>.</summary>
    public bool HandleDtmfRelay(string body)
    {
        if (!DtmfRelay.TryParse(body, out var digit))
        {
            return false;
        }

        OnDigit(digit);
        return true;
    }

    public MediaSessionStatistics GetStatistics() => new(
        _sender.PacketsSent,
        _stats.PacketsReceived,
        Math.Max(0, _stats.CumulativeLost),
        TimeSpan.FromSeconds(_stats.Jitter / 8000.0),
        Interlocked.Read(ref _invalid),
        Interlocked.Read(ref _otherSources),
        Interlocked.Read(ref _digitsReceived))
    {
        RemoteFractionLost = _remoteReport?.FractionLostRatio,
        RemoteJitter = _remoteReport is { } r ? TimeSpan.FromSeconds(r.Jitter / 8000.0) : null,
        RtcpReportsReceived = Interlocked.Read(ref _rtcpReports),
        SendErrors = _endpoint.SendErrors,
        OutgoingFramesDropped = _outgoing.DroppedBytes / SamplesPerFrame,
    };

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _registration?.Dispose();
        var statistics = GetStatistics();
        await _endpoint.DisposeAsync().ConfigureAwait(false);
        _digitsIn.Flush();
        _engine.OnSessionClosed(statistics);
    }

    private SocketAddress? ToSocketAddress(string host, int port)
    {
        if (!IPAddress.TryParse(host, out var address) || port is <= 0 or > 65535
            || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return null;
        }

        if (_endpoint.AddressFamily == AddressFamily.InterNetworkV6 && address.AddressFamily == AddressFamily.InterNetwork)
        {
            address = address.MapToIPv6();
        }
        else if (_endpoint.AddressFamily != address.AddressFamily)
        {
            return null;
        }

        return new IPEndPoint(address, port).Serialize();
    }

    private void OnDigit(DtmfDigit digit)
    {
        Interlocked.Increment(ref _digitsReceived);
        DigitReceived?.Invoke(this, digit);
    }
}
