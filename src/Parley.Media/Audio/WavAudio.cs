using System.Buffers.Binary;
using Parley.Media.Codecs;

namespace Parley.Media.Audio;

/// <summary>The content of a WAV file: its format and raw sample data (little-endian PCM or G.711 codes).</summary>
public sealed class WavAudio
{
    public WavAudio(WavFormat format, byte[] data)
    {
        Format = format;
        Data = data;
    }

    public WavFormat Format { get; }

    public byte[] Data { get; }

    public int FrameCount => Data.Length / Format.BlockAlign;

    public TimeSpan Duration => TimeSpan.FromSeconds(FrameCount / (double)Format.SampleRate);

    /// <summary>The samples as 16-bit linear (interleaved when stereo), decoding G.711 if needed.</summary>
    public short[] ToPcm16()
    {
        switch (Format.Encoding)
        {
            case WavEncoding.MuLaw:
                var mu = new short[Data.Length];
                G711.MuLaw.Decode(Data, mu);
                return mu;
            case WavEncoding.ALaw:
                var a = new short[Data.Length];
                G711.ALaw.Decode(Data, a);
                return a;
            default:
                var pcm = new short[Data.Length / 2];
                for (var i = 0; i < pcm.Length; i++)
                {
                    pcm[i] = BinaryPrimitives.ReadInt16LittleEndian(Data.AsSpan(i * 2));
                }

                return pcm;
        }
    }

    /// <summary>
    /// Mono 8 kHz 16-bit samples ready to encode for RTP: stereo is averaged, 16 kHz is low-pass decimated.
    /// </summary>
    public short[] ToTelephonyPcm()
    {
        var samples = ToPcm16();
        if (Format.Channels == 2)
        {
            var mono = new short[samples.Length / 2];
            for (var i = 0; i < mono.Length; i++)
            {
                mono[i] = (short)((samples[2 * i] + samples[(2 * i) + 1]) >> 1);
            }

            samples = mono;
        }
        else if (Format.Channels != 1)
        {
            throw new InvalidDataException("Only mono and stereo WAV files are supported.");
        }

        if (Format.SampleRate == 8000)
        {
            return samples;
        }

        if (Format.SampleRate != 16000)
        {
            throw new InvalidDataException("Only 8 kHz and 16 kHz WAV files are supported.");
        }

        var output = new short[samples.Length / 2];
        var written = new Resampler16To8().Process(samples, output);
        return written == output.Length ? output : output[..written];
    }
}
