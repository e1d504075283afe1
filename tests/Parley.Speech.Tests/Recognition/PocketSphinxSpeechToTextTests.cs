using Parley.Speech.Recognition;
using Parley.Speech.Recognition.PocketSphinx;
using Parley.Speech.TextToSpeech.Espeak;

namespace Parley.Speech.Tests.Recognition;

public sealed class PocketSphinxSpeechToTextTests : IDisposable
{
    private static readonly string[] Menu = ["sales", "support"];
    private readonly PocketSphinxSpeechToText _stt = new(new SpeechOptions { RecognitionQueueFrames = 1000, MaxConcurrentRecognitions = 2 });

    public void Dispose() => _stt.Dispose();

    [Theory]
    [InlineData("support")]
    [InlineData("sales")]
    public async Task ASpokenKeyword_IsRecognisedFromEightKilohertzFrames(string word)
    {
        SpeechEngines.RequireEspeak();
        SpeechEngines.RequirePocketSphinx();
        var audio = await SpeakAsync(word);

        var result = await RecogniseAsync(audio, Menu);

        Assert.Equal(RecognitionOutcome.Match, result.Outcome);
        Assert.Equal(word, result.Keyword);
        Assert.InRange(result.Confidence, 0.5, 1.0);
    }

    [Fact]
    public async Task KeywordsAreMatchedWhateverTheirCase_AndTheRequestsSpellingIsReturned()
    {
        SpeechEngines.RequireEspeak();
        SpeechEngines.RequirePocketSphinx();
        var result = await RecogniseAsync(await SpeakAsync("support"), ["Sales", "Support"]);
        Assert.Equal("Support", result.Keyword);
    }

    [Fact]
    public async Task Silence_IsNoInput()
    {
        SpeechEngines.RequirePocketSphinx();
        var result = await RecogniseAsync(new short[8000 * 2], Menu);
        Assert.Equal(RecognitionOutcome.NoInput, result.Outcome);
        Assert.Null(result.Keyword);
    }

    [Fact]
    public async Task Noise_IsNotAMatch()
    {
        SpeechEngines.RequirePocketSphinx();
        var random = new Random(8);
        var noise = new short[8000 * 3];
        for (var i = 0; i < noise.Length; i++)
        {
            noise[i] = (short)random.Next(-6000, 6000);
        }

        var result = await RecogniseAsync(noise, Menu);
        Assert.NotEqual(RecognitionOutcome.Match, result.Outcome);
    }

    [Fact]
    public async Task AnotherWord_IsNotAMatch()
    {
        SpeechEngines.RequireEspeak();
        SpeechEngines.RequirePocketSphinx();
        var result = await RecogniseAsync(await SpeakAsync("banana pancake"), Menu);
        Assert.NotEqual(RecognitionOutcome.Match, result.Outcome);
    }

    [Fact]
    public async Task AKeywordOutsideTheDictionary_IsRefused()
    {
        SpeechEngines.RequirePocketSphinx();
        Assert.True(_stt.CanRecognise("customer service", "en-us"));
        Assert.False(_stt.CanRecognise("xyzzyplugh", "en-us"));
        Assert.False(_stt.CanRecognise("sales", "fr-fr"));
        await Assert.ThrowsAsync<ArgumentException>(async () =>
            await _stt.StartAsync(new RecognitionRequest(["sales", "xyzzyplugh"]), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TryWrite_NeverWaits_AFullQueueDropsAndCountsFrames()
    {
        SpeechEngines.RequirePocketSphinx();
        using var stt = new PocketSphinxSpeechToText(new SpeechOptions { RecognitionQueueFrames = 10, MaxConcurrentRecognitions = 1 });
        var session = await stt.StartAsync(new RecognitionRequest(Menu), TestContext.Current.CancellationToken);
        var frame = new short[160];
        var random = new Random(3);
        for (var i = 0; i < frame.Length; i++)
        {
            frame[i] = (short)random.Next(-3000, 3000);
        }

        for (var i = 0; i < 400; i++)
        {
            session.TryWrite(frame);
        }

        session.Complete();
        await session.Result;
        Assert.True(session.DroppedFrames > 0);
        await session.DisposeAsync();
    }

    [Fact]
    public async Task BeyondTheDecoderLimit_ASessionWaitsForADecoder_AndDecodersAreReused()
    {
        SpeechEngines.RequirePocketSphinx();
        using var stt = new PocketSphinxSpeechToText(new SpeechOptions { MaxConcurrentRecognitions = 1 });
        var first = await stt.StartAsync(new RecognitionRequest(Menu), TestContext.Current.CancellationToken);
        var second = stt.StartAsync(new RecognitionRequest(["yes", "no"]), TestContext.Current.CancellationToken).AsTask();
        Assert.False(second.IsCompleted);

        await first.DisposeAsync();
        await using var started = await second;
        Assert.Equal(1, stt.LoadedDecoders);
    }

    private static async Task<short[]> SpeakAsync(string text)
    {
        using var tts = new EspeakTextToSpeech(new SpeechOptions());
        var speech = await tts.SynthesizeAsync(text, "en-us", TestContext.Current.CancellationToken);
        var padded = new short[2400 + speech.Samples.Length + 8000];
        speech.Samples.CopyTo(padded, 2400);
        return padded;
    }

    private async Task<RecognitionResult> RecogniseAsync(short[] audio, IReadOnlyList<string> keywords)
    {
        await using var session = await _stt.StartAsync(new RecognitionRequest(keywords), TestContext.Current.CancellationToken);
        for (var offset = 0; offset + 160 <= audio.Length; offset += 160)
        {
            session.TryWrite(audio.AsSpan(offset, 160));
        }

        session.Complete();
        return await session.Result;
    }
}
