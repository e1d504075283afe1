using Parley.Speech.TextToSpeech.Espeak;
using Parley.Speech.Transcription;

namespace Parley.Speech.Tests.Transcription;

public sealed class PocketSphinxTranscriberTests : IDisposable
{
    private readonly PocketSphinxTranscriber _transcriber = new(new SpeechOptions());

    public void Dispose() => _transcriber.Dispose();

    [Fact]
    public async Task TwoSentencesSeparatedBySilence_AreTwoSegmentsWithTheirWordsAndTimes()
    {
        SpeechEngines.RequireEspeak();
        SpeechEngines.RequirePocketSphinx();
        // The general 16 kHz model on 8 kHz espeak-ng speech gets some words wrong; these two come through.
        var first = await SpeakAsync("i want to cancel my order");
        var second = await SpeakAsync("yes");
        var audio = new short[8000 + first.Length + (3 * 8000) + second.Length + 8000];
        first.CopyTo(audio, 8000);
        var secondAt = 8000 + first.Length + (3 * 8000);
        second.CopyTo(audio, secondAt);
        var reported = new List<double>();

        var segments = await _transcriber.TranscribeAsync(audio, new SyncProgress(reported), TestContext.Current.CancellationToken);

        Assert.Equal(2, segments.Count);
        Assert.Contains("want", segments[0].Text, StringComparison.Ordinal);
        Assert.Contains("order", segments[0].Text, StringComparison.Ordinal);
        Assert.Contains("yeah", segments[1].Text, StringComparison.Ordinal);
        Assert.InRange(segments[0].Start.TotalSeconds, 0.6, 1.6);
        Assert.InRange(segments[1].Start.TotalSeconds, (secondAt / 8000.0) - 0.4, (secondAt / 8000.0) + 0.6);
        Assert.True(segments[0].End <= segments[1].Start);
        Assert.Equal(1.0, reported[^1], 3);
    }

    [Fact]
    public async Task Silence_HasNoSegments()
    {
        SpeechEngines.RequirePocketSphinx();
        var segments = await _transcriber.TranscribeAsync(new short[8000 * 3], null, TestContext.Current.CancellationToken);
        Assert.Empty(segments);
    }

    [Fact]
    public void SpeechRegions_JoinsShortGapsAndSplitsAtLongSilence()
    {
        var audio = new short[8000 * 6];
        Loud(audio, 8000, 4000);        // 1.0–1.5 s
        Loud(audio, 8000 + 6000, 4000); // 1.75–2.25 s: a 0.25 s gap joins
        Loud(audio, 8000 * 4, 8000);    // 4–5 s: after 1.75 s of silence, a new region

        var regions = SpeechRegions.Find(audio);

        Assert.Equal(2, regions.Count);
        Assert.InRange(regions[0].Start, 8000 - 1600, 8000);
        Assert.InRange(regions[0].Start + regions[0].Length, 8000 + 10000, 8000 + 10000 + 1600 + 160);
        Assert.InRange(regions[1].Start, (8000 * 4) - 1600, 8000 * 4);
    }

    private static void Loud(short[] audio, int start, int length)
    {
        for (var i = 0; i < length; i++)
        {
            audio[start + i] = (short)(i % 20 < 10 ? 4000 : -4000);
        }
    }

    private static async Task<short[]> SpeakAsync(string text)
    {
        using var tts = new EspeakTextToSpeech(new SpeechOptions());
        return (await tts.SynthesizeAsync(text, "en-us", TestContext.Current.CancellationToken)).Samples.ToArray();
    }

    /// <summary>Records reports as they happen (Progress&lt;T&gt; posts them later, to the captured context).</summary>
    private sealed class SyncProgress(List<double> reports) : IProgress<double>
    {
        public void Report(double value) => reports.Add(value);
    }
}
