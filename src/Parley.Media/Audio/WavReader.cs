using System.Buffers.Binary;

namespace Parley.Media.Audio;

/// <summary>
/// Reads RIFF/WAVE files: PCM 16-bit, µ-law and A-law, mono or stereo, any chunk order (LIST, fact and other
/// chunks are skipped). Malformed files throw <see cref="InvalidDataException"/>.
/// </summary>
public static class WavReader
{
    public const int MaxDataBytes = 256 * 1024 * 1024;

    public static WavAudio Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    public static WavAudio Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> header = stackalloc byte[12];
        stream.ReadExactly(header);
        if (!header[..4].SequenceEqual("RIFF"u8) || !header[8..12].SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException("Not a RIFF/WAVE file.");
        }

        WavFormat? format = null;
        Span<byte> chunk = stackalloc byte[8];
        while (true)
        {
            if (stream.ReadAtLeast(chunk, 8, throwOnEndOfStream: false) < 8)
            {
                throw new InvalidDataException("WAV file has no data chunk.");
            }

            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            if (chunk[..4].SequenceEqual("fmt "u8))
            {
                format = ReadFormat(stream, size);
            }
            else if (chunk[..4].SequenceEqual("data"u8))
            {
                if (format is null)
                {
                    throw new InvalidDataException("WAV data chunk comes before its fmt chunk.");
                }

                if (size > MaxDataBytes)
                {
                    throw new InvalidDataException("WAV data chunk is too large.");
                }

                // Streaming writers leave the size as written so far; keep what is there, whole frames only.
                var data = ReadData(stream, (int)size);
                var whole = data.Length - (data.Length % format.Value.BlockAlign);
                return new WavAudio(format.Value, whole == data.Length ? data : data[..whole]);
            }
            else
            {
                Skip(stream, size + (size & 1));
            }
        }
    }

    /// <summary>
    /// Up to <paramref name="size"/> bytes of the data chunk. The size is the header's claim: memory is taken for what the
    /// stream holds (a 444-byte upload claiming 256 MiB takes 444 bytes), growing as it is read when the length is unknown.
    /// </summary>
    private static byte[] ReadData(Stream stream, int size)
    {
        if (stream.CanSeek)
        {
            var data = new byte[(int)Math.Clamp(stream.Length - stream.Position, 0, size)];
            var read = stream.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
            return read == data.Length ? data : data[..read];
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (buffer.Length < size)
        {
            var n = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, size - buffer.Length));
            if (n == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, n);
        }

        return buffer.ToArray();
    }

    private static WavFormat ReadFormat(Stream stream, uint size)
    {
        if (size is < 16 or > 1024)
        {
            throw new InvalidDataException("WAV fmt chunk has a bad size.");
        }

        Span<byte> fmt = stackalloc byte[(int)size];
        stream.ReadExactly(fmt);
        if ((size & 1) != 0)
        {
            Skip(stream, 1);
        }

        var tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var rate = BinaryPrimitives.ReadInt32LittleEndian(fmt[4..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        if (tag == 0xFFFE && size >= 40)
        {
            // WAVE_FORMAT_EXTENSIBLE: the real tag is the first two bytes of the sub-format GUID.
            tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
        }

        var encoding = (WavEncoding)tag;
        var expectedBits = encoding == WavEncoding.Pcm16 ? 16 : 8;
        if (encoding is not (WavEncoding.Pcm16 or WavEncoding.MuLaw or WavEncoding.ALaw) || bits != expectedBits)
        {
            throw new InvalidDataException($"Unsupported WAV encoding (format tag {tag}, {bits} bits).");
        }

        if (channels is < 1 or > 2 || rate is < 1000 or > 192000)
        {
            throw new InvalidDataException("WAV channel count or sample rate is out of range.");
        }

        return new WavFormat(encoding, rate, channels);
    }

    private static void Skip(Stream stream, long count)
    {
        if (stream.CanSeek)
        {
            stream.Seek(count, SeekOrigin.Current);
            return;
        }

        Span<byte> scratch = stackalloc byte[256];
        while (count > 0)
        {
            var n = stream.Read(scratch[..(int)Math.Min(count, scratch.Length)]);
            if (n == 0)
            {
                throw new InvalidDataException("WAV file ends inside a chunk.");
            }

            count -= n;
        }
    }
}
