using NLayer;
using Parley.Media.Audio;
using Parley.Speech.Audio;

namespace Parley.Server.Voice.Audio;

/// <summary>
/// Turns an uploaded WAV or MP3 into 8 kHz 16-bit mono samples: channels averaged, any sample rate resampled with a
/// windowed-sinc filter. Anything that is not such audio, is empty or is longer than allowed throws
/// <see cref="InvalidPromptAudioException"/> with a sentence saying why.
/// </summary>
public static class PromptAudioDecoder
{
    public const int SampleRate = 8000;

    /// <summary>The kind a media type names (<c>audio/wav</c>, <c>audio/mpeg</c> and their aliases), else null.</summary>
    public static PromptAudioKind? KindOf(string? mediaType) => mediaType?.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "audio/wav" or "audio/x-wav" or "audio/wave" or "audio/vnd.wave" => PromptAudioKind.Wav,
        "audio/mpeg" or "audio/mp3" or "audio/mpeg3" or "audio/x-mpeg-3" => PromptAudioKind.Mp3,
        _ => null,
    };

    /// <summary>The kind the first bytes show: RIFF/WAVE, or an ID3 tag or MPEG audio frame sync.</summary>
    public static PromptAudioKind? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WAVE"u8))
        {
            return PromptAudioKind.Wav;
        }

        if (head.Length >= 3 && head[..3].SequenceEqual("ID3"u8))
        {
            return PromptAudioKind.Mp3;
        }

        return head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0 ? PromptAudioKind.Mp3 : null;
    }

    public static short[] Decode(ReadOnlyMemory<byte> file, PromptAudioKind kind, TimeSpan maxDuration)
    {
        if (file.IsEmpty)
        {
            throw new InvalidPromptAudioException("The file is empty.");
        }

        var samples = kind == PromptAudioKind.Wav ? DecodeWav(file, maxDuration) : DecodeMp3(file, maxDuration);
        if (samples.Length < SampleRate / 50)
        {
            throw new InvalidPromptAudioException("The file holds no audio (less than 20 ms).");
        }

        return samples;
    }

    private static short[] DecodeWav(ReadOnlyMemory<byte> file, TimeSpan maxDuration)
    {
        WavAudio audio;
        try
        {
            using var stream = new MemoryStream(file.ToArray(), writable: false);
            audio = WavReader.Read(stream);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new InvalidPromptAudioException($"The file is not a WAV file Parley can read: {e.Message}", e);
        }

        CheckDuration(audio.Duration, maxDuration);
        return ToTelephony(audio.ToPcm16(), audio.Format.Channels, audio.Format.SampleRate);
    }

    private static short[] DecodeMp3(ReadOnlyMemory<byte> file, TimeSpan maxDuration)
    {
        try
        {
            using var stream = new MemoryStream(file.ToArray(), writable: false);
            using var mpeg = new MpegFile(stream);
            var (rate, channels) = (mpeg.SampleRate, mpeg.Channels);
            if (rate is < 8000 or > 48000 || channels is < 1 or > 2)
            {
                throw new InvalidPromptAudioException("The file is not an MP3 file Parley can read.");
            }

            // Mixed to mono while decoding, so a long stereo file costs half the memory; grows as it decodes.
            var mono = new List<short>(capacity: 1 << 16);
            var buffer = new float[1152 * 2 * channels];
            int read;
            while ((read = mpeg.ReadSamples(buffer, 0, buffer.Length)) > 0)
            {
                for (var i = 0; i + channels <= read; i += channels)
                {
                    var sample = channels == 2 ? (buffer[i] + buffer[i + 1]) * 0.5f : buffer[i];
                    mono.Add((short)Math.Clamp(MathF.Round(sample * 32767f), short.MinValue, short.MaxValue));
                }

                CheckDuration(TimeSpan.FromSeconds(mono.Count / (double)rate), maxDuration);
            }

            if (mono.Count == 0)
            {
                throw new InvalidPromptAudioException("The file is not an MP3 file Parley can read: it has no audio frames.");
            }

            return ToTelephony([.. mono], 1, rate);
        }
        catch (Exception e) when (e is not InvalidPromptAudioException and not OutOfMemoryException)
        {
            throw new InvalidPromptAudioException("The file is not an MP3 file Parley can read.", e);
        }
    }

    private static void CheckDuration(TimeSpan duration, TimeSpan maxDuration)
    {
        if (duration > maxDuration)
        {
            throw new InvalidPromptAudioException($"The audio is longer than the {maxDuration.TotalSeconds:0} seconds allowed.");
        }
    }

    private static short[] ToTelephony(short[] samples, int channels, int rate)
    {
        if (channels == 2)
        {
            var mono = new short[samples.Length / 2];
            for (var i = 0; i < mono.Length; i++)
            {
                mono[i] = (short)((samples[2 * i] + samples[(2 * i) + 1]) >> 1);
            }

            samples = mono;
        }

        return rate == SampleRate ? samples : SincResampler.Resample(samples, rate, SampleRate);
    }
}
