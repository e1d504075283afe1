using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Parley.Media.Codecs;

namespace Parley.Interop.Tests.Support;

/// <summary>
/// The ear of a SIPp caller: SIPp cannot record what it receives, so this raw socket (root, like SIPp's own
/// <c>play_pcap_audio</c>) sees a copy of every UDP datagram sent to <paramref name="address"/>:<paramref name="port"/>
/// and decodes the G.711 audio in it, each 20 ms frame stamped with when it arrived.
/// </summary>
internal sealed class RtpTap : IDisposable
{
    private readonly Socket _socket;
    private readonly int _port;
    private readonly Lock _lock = new();
    private readonly List<(TimeSpan At, short[] Samples)> _frames = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Thread _thread;
    private volatile bool _stopped;

    public RtpTap(IPAddress address, int port)
    {
        _port = port;
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Udp) { ReceiveTimeout = 100 };
        _socket.Bind(new IPEndPoint(address, 0));
        _thread = new Thread(Run) { IsBackground = true, Name = "rtp-tap" };
        _thread.Start();
    }

    /// <summary>Time since the tap started (the same clock as each frame's arrival).</summary>
    public TimeSpan Now => _clock.Elapsed;

    /// <summary>The audio that arrived at or after <paramref name="from"/>, in order.</summary>
    public short[] SamplesSince(TimeSpan from)
    {
        lock (_lock)
        {
            return [.. _frames.Where(f => f.At >= from).SelectMany(f => f.Samples)];
        }
    }

    /// <summary>How many 20 ms frames at or after <paramref name="from"/> are loud (RMS over 500): speech, music or a tone.</summary>
    public int LoudFramesSince(TimeSpan from)
    {
        lock (_lock)
        {
            return _frames.Count(f => f.At >= from && AudioAnalysis.Rms(f.Samples) > 500);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds; throws with <paramref name="what"/> when <paramref name="timeout"/> passes first.</summary>
    public async Task WaitUntilAsync(Func<RtpTap, bool> condition, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            while (!condition(this))
            {
                await ticker.WaitForNextTickAsync(cts.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{what}: not within {timeout} ({LoudFramesSince(TimeSpan.Zero)} loud frames so far).");
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _thread.Join();
        _socket.Dispose();
    }

    private void Run()
    {
        var buffer = new byte[65536];
        while (!_stopped)
        {
            int length;
            try
            {
                length = _socket.Receive(buffer);
            }
            catch (SocketException)
            {
                continue;
            }

            Take(buffer.AsSpan(0, length));
        }
    }

    /// <summary>An IPv4 datagram: header, UDP header, RTP header, G.711 payload (PCMU 0, PCMA 8; events ignored).</summary>
    private void Take(ReadOnlySpan<byte> datagram)
    {
        var ipHeader = (datagram[0] & 0x0F) * 4;
        if (datagram.Length < ipHeader + 8 + 12 || BinaryPrimitives.ReadUInt16BigEndian(datagram[(ipHeader + 2)..]) != _port)
        {
            return;
        }

        var rtp = datagram[(ipHeader + 8)..];
        var payloadType = rtp[1] & 0x7F;
        if (payloadType is not (0 or 8))
        {
            return;
        }

        var headerLength = 12 + ((rtp[0] & 0x0F) * 4);
        var payload = rtp[headerLength..];
        var samples = new short[payload.Length];
        G711.Decode(payloadType == 0 ? AudioCodec.Pcmu : AudioCodec.Pcma, payload, samples);
        lock (_lock)
        {
            _frames.Add((_clock.Elapsed, samples));
        }
    }
}
