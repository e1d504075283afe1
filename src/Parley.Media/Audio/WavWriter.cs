using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Parley.Media.Codecs;

namespace Parley.Media.Audio;

/// <summary>
/// Streams a WAV file: header first, samples as they come, sizes patched on dispose (when the stream can seek).
/// G.711 files get the 18-byte fmt chunk with cbSize = 0 and a fact chunk, as the format requires.
/// </summary>
public sealed class WavWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly long _start;
    private long _dataBytes;
    private bool _disposed;

    public WavWriter(Stream stream, WavFormat format, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        Format = format;
        _start = stream.CanSeek ? stream.Position : 0;
        WriteHeader(0);
    }

    public WavFormat Format { get; }

    public long DataBytes => _dataBytes;

    public static WavWriter Create(string path, WavFormat format) =>
        new(new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read, 16 * 1024), format);

    /// <summary>Writes 16-bit linear samples (interleaved when stereo), encoding to the file's format.</summary>
    public void WriteSamples(ReadOnlySpan<short> samples)
    {
        if (Format.Encoding == WavEncoding.Pcm16 && BitConverter.IsLittleEndian)
        {
            // WAV's 16-bit samples are little-endian, as they are in memory here: write them as they are, without a
            // copy (call recordings write 30,000 frames a second through this).
            WriteRaw(MemoryMarshal.AsBytes(samples));
            return;
        }

        var bytes = Format.Encoding == WavEncoding.Pcm16 ? samples.Length * 2 : samples.Length;
        var rented = ArrayPool<byte>.Shared.Rent(bytes);
        try
        {
            var buffer = rented.AsSpan(0, bytes);
            switch (Format.Encoding)
            {
                case WavEncoding.MuLaw:
                    G711.MuLaw.Encode(samples, buffer);
                    break;
                case WavEncoding.ALaw:
                    G711.ALaw.Encode(samples, buffer);
                    break;
                default:
                    for (var i = 0; i < samples.Length; i++)
                    {
                        BinaryPrimitives.WriteInt16LittleEndian(buffer[(i * 2)..], samples[i]);
                    }

                    break;
            }

            WriteRaw(buffer);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Writes data already in the file's encoding (e.g. G.711 payloads into a G.711 file).</summary>
    public void WriteRaw(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _stream.Write(data);
        _dataBytes += data.Length;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        if ((_dataBytes & 1) != 0)
        {
            _stream.WriteByte(0);
        }

        if (_stream.CanSeek)
        {
            var end = _stream.Position;
            _stream.Position = _start;
            WriteHeader(_dataBytes);
            _stream.Position = end;
        }

        _stream.Flush();
        _disposed = true;
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private void WriteHeader(long dataBytes)
    {
        var g711 = Format.Encoding != WavEncoding.Pcm16;
        var fmtSize = g711 ? 18 : 16;
        var factSize = g711 ? 12 : 0;
        Span<byte> h = stackalloc byte[12 + 8 + 18 + 12 + 8];
        var headerLength = 12 + 8 + fmtSize + factSize + 8;
        h = h[..headerLength];
        var data32 = (uint)Math.Min(dataBytes, uint.MaxValue - headerLength);
        "RIFF"u8.CopyTo(h);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], (uint)(headerLength - 8) + data32 + (data32 & 1));
        "WAVE"u8.CopyTo(h[8..]);
        "fmt "u8.CopyTo(h[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[16..], (uint)fmtSize);
        BinaryPrimitives.WriteUInt16LittleEndian(h[20..], (ushort)Format.Encoding);
        BinaryPrimitives.WriteUInt16LittleEndian(h[22..], (ushort)Format.Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(h[24..], (uint)Format.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(h[28..], (uint)Format.ByteRate);
        BinaryPrimitives.WriteUInt16LittleEndian(h[32..], (ushort)Format.BlockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(h[34..], (ushort)Format.BitsPerSample);
        var offset = 36;
        if (g711)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(h[36..], 0);
            "fact"u8.CopyTo(h[38..]);
            BinaryPrimitives.WriteUInt32LittleEndian(h[42..], 4);
            BinaryPrimitives.WriteUInt32LittleEndian(h[46..], data32 / (uint)Format.BlockAlign);
            offset = 50;
        }

        "data"u8.CopyTo(h[offset..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[(offset + 4)..], data32);
        _stream.Write(h);
    }
}
