using System.Buffers.Binary;
using Parley.Media.Audio;
using Parley.Media.Codecs;

namespace Parley.Media.Tests.Audio;

public sealed class WavRoundTripTests
{
    [Theory]
    [InlineData(WavEncoding.Pcm16, 8000, 1)]
    [InlineData(WavEncoding.Pcm16, 16000, 1)]
    [InlineData(WavEncoding.Pcm16, 8000, 2)]
    [InlineData(WavEncoding.MuLaw, 8000, 1)]
    [InlineData(WavEncoding.ALaw, 8000, 1)]
    public void WriteThenRead_GivesTheSameFormatAndSamples(WavEncoding encoding, int rate, int channels)
    {
        var format = new WavFormat(encoding, rate, channels);
        var samples = ToneGenerator.Sine(440, rate, 801 * channels);
        using var stream = new MemoryStream();

        using (var writer = new WavWriter(stream, format, leaveOpen: true))
        {
            writer.WriteSamples(samples.AsSpan(0, 400 * channels));
            writer.WriteSamples(samples.AsSpan(400 * channels));
        }

        stream.Position = 0;
        var audio = WavReader.Read(stream);

        Assert.Equal(format, audio.Format);
        Assert.Equal(801, audio.FrameCount);
        var expected = encoding switch
        {
            WavEncoding.MuLaw => samples.Select(s => G711.MuLaw.Decode(G711.MuLaw.Encode(s))).ToArray(),
            WavEncoding.ALaw => samples.Select(s => G711.ALaw.Decode(G711.ALaw.Encode(s))).ToArray(),
            _ => samples,
        };
        Assert.Equal(expected, audio.ToPcm16());
    }

    [Fact]
    public void Header_OfPcmFile_IsTheCanonical44Bytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, WavFormat.Pcm8kMono, leaveOpen: true))
        {
            writer.WriteSamples(new short[160]);
        }

        var bytes = stream.ToArray();
        Assert.Equal(44 + 320, bytes.Length);
        Assert.Equal(44 + 320 - 8, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal(320, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(40)));
        Assert.Equal(16000, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(28)));
    }

    [Fact]
    public void Read_SkipsUnknownChunksBeforeData()
    {
        using var stream = new MemoryStream();
        stream.Write("RIFF\0\0\0\0WAVE"u8);
        stream.Write("fmt "u8);
        stream.Write([16, 0, 0, 0, 1, 0, 1, 0, 0x40, 0x1F, 0, 0, 0x80, 0x3E, 0, 0, 2, 0, 16, 0]);
        stream.Write("LIST"u8);
        stream.Write([3, 0, 0, 0, 1, 2, 3, 0]);
        stream.Write("data"u8);
        stream.Write([4, 0, 0, 0, 1, 0, 2, 0]);
        stream.Position = 0;

        var audio = WavReader.Read(stream);

        Assert.Equal([1, 2], audio.ToPcm16());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Read_ADataChunkClaimingMoreThanTheFileHolds_AllocatesOnlyWhatIsThere(bool seekable)
    {
        // A 444-byte upload whose header claims 256 MiB of audio: the reader once allocated the claim (16 such uploads
        // at once took a server from 0.3 to 1.9 GB).
        using var file = new MemoryStream();
        file.Write("RIFF\0\0\0\0WAVE"u8);
        file.Write("fmt "u8);
        file.Write([16, 0, 0, 0, 1, 0, 1, 0, 0x40, 0x1F, 0, 0, 0x80, 0x3E, 0, 0, 2, 0, 16, 0]);
        file.Write("data"u8);
        file.Write(BitConverter.GetBytes(WavReader.MaxDataBytes));
        file.Write(new byte[401]);
        using Stream stream = seekable ? new MemoryStream(file.ToArray(), writable: false) : new OneWayStream(file.ToArray());

        var before = GC.GetAllocatedBytesForCurrentThread();
        var audio = WavReader.Read(stream);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(200, audio.ToPcm16().Length);
        Assert.True(allocated < 1024 * 1024, $"Reading a 444-byte file allocated {allocated} bytes.");
    }

    [Theory]
    [InlineData("RIFX\0\0\0\0WAVE")]
    [InlineData("RIFF\0\0\0\0WAVE")]
    public void Read_NotAWavOrNoData_ThrowsInvalidData(string header)
    {
        using var stream = new MemoryStream(System.Text.Encoding.ASCII.GetBytes(header));

        Assert.Throws<InvalidDataException>(() => WavReader.Read(stream));
    }

    [Fact]
    public void Read_UnsupportedEncoding_ThrowsInvalidData()
    {
        using var stream = new MemoryStream();
        stream.Write("RIFF\0\0\0\0WAVEfmt "u8);
        stream.Write([16, 0, 0, 0, 3, 0, 1, 0, 0x40, 0x1F, 0, 0, 0, 0, 0, 0, 4, 0, 32, 0]);
        stream.Position = 0;

        Assert.Throws<InvalidDataException>(() => WavReader.Read(stream));
    }

    [Fact]
    public void ToTelephonyPcm_Of16kStereo_IsMono8k()
    {
        using var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, new WavFormat(WavEncoding.Pcm16, 16000, 2), leaveOpen: true))
        {
            writer.WriteSamples(new short[16000 * 2]);
        }

        stream.Position = 0;

        Assert.Equal(8000, WavReader.Read(stream).ToTelephonyPcm().Length);
    }

    [Fact]
    public void Playback_PadsTheLastFrameAndStops()
    {
        var playback = new WavPlayback(Enumerable.Repeat((short)5, 200).ToArray());
        var frame = new short[160];

        Assert.True(playback.TryReadFrame(frame));
        Assert.True(playback.TryReadFrame(frame));
        Assert.Equal(5, frame[39]);
        Assert.Equal(0, frame[40]);
        Assert.False(playback.TryReadFrame(frame));
    }

    [Fact]
    public void Playback_Looping_WrapsAround()
    {
        var playback = new WavPlayback([1, 2, 3], loop: true);
        var frame = new short[7];

        playback.TryReadFrame(frame);

        Assert.Equal([1, 2, 3, 1, 2, 3, 1], frame);
    }
}
