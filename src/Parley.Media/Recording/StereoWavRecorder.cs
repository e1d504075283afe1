using Parley.Media.Audio;
using Parley.Media.Codecs;

namespace Parley.Media.Recording;

/// <summary>
/// Records a two-party call as a stereo 16-bit 8 kHz WAV: left channel one party (e.g. the customer), right the
/// other (the agent), so QA can listen to either side. Call <see cref="WriteFrame"/> once per 20 ms frame; a side
/// that had no packet in that frame is written as silence, keeping both channels aligned in time.
/// Not thread-safe: feed it from the media clock thread.
/// </summary>
public sealed class StereoWavRecorder : IDisposable
{
    private readonly WavWriter _writer;
    private readonly short[] _interleaved;
    private readonly short[] _left;
    private readonly short[] _right;

    public StereoWavRecorder(Stream stream, int frameSamples = 160, bool leaveOpen = false)
    {
        _writer = new WavWriter(stream, WavFormat.Pcm8kStereo, leaveOpen);
        FrameSamples = frameSamples;
        _interleaved = new short[frameSamples * 2];
        _left = new short[frameSamples];
        _right = new short[frameSamples];
    }

    public int FrameSamples { get; }

    public long FramesWritten { get; private set; }

    public TimeSpan Duration => TimeSpan.FromSeconds(FramesWritten * FrameSamples / 8000.0);

    public static StereoWavRecorder Create(string path) =>
        new(new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read, 16 * 1024));

    /// <summary>Writes one frame of linear audio per side; an empty span means silence for that side.</summary>
    public void WriteFrame(ReadOnlySpan<short> left, ReadOnlySpan<short> right)
    {
        Interleave(left, channel: 0);
        Interleave(right, channel: 1);
        _writer.WriteSamples(_interleaved);
        FramesWritten++;
    }

    /// <summary>Writes one frame of G.711 payloads per side (as received), decoding them; empty means silence.</summary>
    public void WriteFrame(AudioCodec codec, ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var l = Decode(codec, left, _left);
        var r = Decode(codec, right, _right);
        WriteFrame(l, r);
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>Puts one side's samples at every other position from <paramref name="channel"/>, silence after its end.</summary>
    private void Interleave(ReadOnlySpan<short> side, int channel)
    {
        var samples = Math.Min(side.Length, FrameSamples);
        var i = 0;
        for (; i < samples; i++)
        {
            _interleaved[(2 * i) + channel] = side[i];
        }

        for (; i < FrameSamples; i++)
        {
            _interleaved[(2 * i) + channel] = 0;
        }
    }

    private ReadOnlySpan<short> Decode(AudioCodec codec, ReadOnlySpan<byte> payload, short[] buffer)
    {
        var n = Math.Min(payload.Length, FrameSamples);
        G711.Decode(codec, payload[..n], buffer);
        return buffer.AsSpan(0, n);
    }
}
