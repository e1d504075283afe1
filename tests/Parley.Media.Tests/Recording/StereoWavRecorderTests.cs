using Parley.Media.Audio;
using Parley.Media.Codecs;
using Parley.Media.Recording;

namespace Parley.Media.Tests.Recording;

public sealed class StereoWavRecorderTests
{
    [Fact]
    public void TwoParties_LandInSeparateChannels()
    {
        using var stream = new MemoryStream();
        using (var recorder = new StereoWavRecorder(stream, leaveOpen: true))
        {
            recorder.WriteFrame(Enumerable.Repeat((short)100, 160).ToArray(), Enumerable.Repeat((short)-200, 160).ToArray());
            recorder.WriteFrame(Enumerable.Repeat((short)100, 160).ToArray(), []);
            Assert.Equal(TimeSpan.FromMilliseconds(40), recorder.Duration);
        }

        stream.Position = 0;
        var audio = WavReader.Read(stream);
        var samples = audio.ToPcm16();

        Assert.Equal(WavFormat.Pcm8kStereo, audio.Format);
        Assert.Equal(320, audio.FrameCount);
        Assert.Equal(100, samples[0]);
        Assert.Equal(-200, samples[1]);
        Assert.Equal(100, samples[320]);
        Assert.Equal(0, samples[321]);
    }

    [Fact]
    public void G711Payloads_AreDecodedIntoTheRecording()
    {
        using var stream = new MemoryStream();
        var payload = new byte[160];
        G711.MuLaw.Encode(Enumerable.Repeat((short)1000, 160).ToArray(), payload);
        using (var recorder = new StereoWavRecorder(stream, leaveOpen: true))
        {
            recorder.WriteFrame(AudioCodec.Pcmu, payload, ReadOnlySpan<byte>.Empty);
        }

        stream.Position = 0;
        var samples = WavReader.Read(stream).ToPcm16();

        Assert.Equal(988, samples[0]);
        Assert.Equal(0, samples[1]);
    }
}
