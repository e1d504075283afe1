using Parley.Speech.TextToSpeech;
using Parley.Speech.TextToSpeech.Espeak;

namespace Parley.Speech.Tests.TextToSpeech;

public sealed class EspeakTextToSpeechTests
{
    [Fact]
    public async Task Voices_IncludeAmericanEnglishAndMandarin()
    {
        SpeechEngines.RequireEspeak();
        using var tts = new EspeakTextToSpeech(new SpeechOptions());
        Assert.True(await tts.IsKnownAsync("en-us", TestContext.Current.CancellationToken));
        Assert.True(await tts.IsKnownAsync("cmn", TestContext.Current.CancellationToken));
        Assert.True(await tts.IsKnownAsync("zh", TestContext.Current.CancellationToken));
        Assert.False(await tts.IsKnownAsync("xx-nowhere", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Synthesize_UnknownVoice_IsRefusedWithoutRunningTheEngine()
    {
        SpeechEngines.RequireEspeak();
        using var tts = new EspeakTextToSpeech(new SpeechOptions());
        var error = await Assert.ThrowsAsync<UnknownVoiceException>(
            async () => await tts.SynthesizeAsync("hello", "klingon", TestContext.Current.CancellationToken));
        Assert.Equal("klingon", error.Voice);
        Assert.Equal(0, tts.SynthesisCount);
    }

    [Theory]
    [InlineData("Welcome to Parley. For sales, say sales.", "en-us")]
    [InlineData("欢迎致电。", "cmn")]
    public async Task Synthesize_GivesAudibleEightKilohertzSpeech(string text, string voice)
    {
        SpeechEngines.RequireEspeak();
        using var tts = new EspeakTextToSpeech(new SpeechOptions());
        var speech = await tts.SynthesizeAsync(text, voice, TestContext.Current.CancellationToken);
        Assert.False(speech.FromCache);
        Assert.InRange(speech.Duration, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(10));
        var rms = Math.Sqrt(speech.Samples.Average(s => (double)s * s));
        Assert.True(rms > 300, $"RMS {rms} is too quiet for speech.");
    }

    [Fact]
    public async Task Synthesize_TextThatLooksLikeAnOption_IsSpokenNotObeyed()
    {
        SpeechEngines.RequireEspeak();
        using var tts = new EspeakTextToSpeech(new SpeechOptions());
        var speech = await tts.SynthesizeAsync("--version -w /tmp/parley-owned.wav", "en-us", TestContext.Current.CancellationToken);
        Assert.True(speech.Duration > TimeSpan.FromSeconds(1));
        Assert.False(File.Exists("/tmp/parley-owned.wav"));
    }

    [Fact]
    public async Task Synthesize_TextLongerThanTheLimit_IsRefused()
    {
        SpeechEngines.RequireEspeak();
        using var tts = new EspeakTextToSpeech(new SpeechOptions { MaxTextLength = 10 });
        await Assert.ThrowsAsync<ArgumentException>(
            async () => await tts.SynthesizeAsync("this is far too long", "en-us", TestContext.Current.CancellationToken));
    }
}
