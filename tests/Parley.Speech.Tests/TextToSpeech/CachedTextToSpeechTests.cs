using Microsoft.Extensions.Time.Testing;
using Parley.Speech.TextToSpeech;
using Parley.Speech.TextToSpeech.Cache;
using Parley.Speech.TextToSpeech.Espeak;

namespace Parley.Speech.Tests.TextToSpeech;

public sealed class CachedTextToSpeechTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly EspeakTextToSpeech _espeak = new(new SpeechOptions());

    public void Dispose()
    {
        _espeak.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task SecondRequestForTheSamePrompt_IsReadFromDiskWithoutRunningEspeak()
    {
        SpeechEngines.RequireEspeak();
        var tts = Cached(maxBytes: 64L * 1024 * 1024);
        var first = await tts.SynthesizeAsync("Please hold.", "en-us", TestContext.Current.CancellationToken);
        var second = await tts.SynthesizeAsync("Please hold.", "en-us", TestContext.Current.CancellationToken);

        Assert.Equal(1, _espeak.SynthesisCount);
        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(first.Samples, second.Samples);
    }

    [Fact]
    public async Task APromptHeardRecently_IsServedFromMemory_WithoutReadingOrDecodingTheFileAgain()
    {
        SpeechEngines.RequireEspeak();
        var tts = Cached(maxBytes: 64L * 1024 * 1024);
        var first = await tts.SynthesizeAsync("Welcome to Parley.", "en-us", TestContext.Current.CancellationToken);
        foreach (var file in Directory.GetFiles(_temp.Path, "*.wav"))
        {
            File.Delete(file);
        }

        var second = await tts.SynthesizeAsync("Welcome to Parley.", "en-us", TestContext.Current.CancellationToken);

        Assert.True(second.FromCache);
        Assert.Same(first.Samples, second.Samples);
        Assert.Equal(1, _espeak.SynthesisCount);
    }

    [Fact]
    public async Task AnotherVoiceOrText_IsAnotherEntry()
    {
        SpeechEngines.RequireEspeak();
        var tts = Cached(maxBytes: 64L * 1024 * 1024);
        await tts.SynthesizeAsync("Hello", "en-us", TestContext.Current.CancellationToken);
        await tts.SynthesizeAsync("Hello", "cmn", TestContext.Current.CancellationToken);
        await tts.SynthesizeAsync("Hello.", "en-us", TestContext.Current.CancellationToken);
        Assert.Equal(3, _espeak.SynthesisCount);
        Assert.Equal(3, Directory.GetFiles(_temp.Path, "*.wav").Length);
    }

    [Fact]
    public async Task CacheFileNamesAreHashes_SoTextCannotChooseAPath()
    {
        SpeechEngines.RequireEspeak();
        var tts = Cached(maxBytes: 64L * 1024 * 1024);
        await tts.SynthesizeAsync("../../etc/passwd", "en-us", TestContext.Current.CancellationToken);
        var name = Path.GetFileNameWithoutExtension(Directory.GetFiles(_temp.Path, "*.wav").Single());
        Assert.Matches("^[0-9a-f]{64}$", name);
    }

    [Fact]
    public async Task Prerender_RendersOnlyPromptsNotYetCached_AndLaterCallsHitTheCache()
    {
        SpeechEngines.RequireEspeak();
        var tts = Cached(maxBytes: 64L * 1024 * 1024);
        await tts.SynthesizeAsync("Goodbye.", "en-us", TestContext.Current.CancellationToken);
        SpeechPrompt[] prompts = [new("Goodbye.", "en-us"), new("For sales, say sales.", "en-us"), new("For sales, say sales.", "en-us")];

        var rendered = await tts.PrerenderAsync(prompts, TestContext.Current.CancellationToken);
        var later = await tts.SynthesizeAsync("For sales, say sales.", "en-us", TestContext.Current.CancellationToken);

        Assert.Equal(1, rendered);
        Assert.Equal(2, _espeak.SynthesisCount);
        Assert.True(later.FromCache);
    }

    [Fact]
    public async Task Prerender_UnknownVoice_IsRefused()
    {
        SpeechEngines.RequireEspeak();
        var tts = Cached(maxBytes: 64L * 1024 * 1024);
        await Assert.ThrowsAsync<UnknownVoiceException>(
            async () => await tts.PrerenderAsync([new SpeechPrompt("Hi", "nope")], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PastTheSizeBound_TheLeastRecentlyUsedPromptIsEvicted()
    {
        SpeechEngines.RequireEspeak();
        var probe = Cached(maxBytes: long.MaxValue);
        await probe.SynthesizeAsync("One.", "en-us", TestContext.Current.CancellationToken);
        var oneFile = new DirectoryInfo(_temp.Path).GetFiles("*.wav").Single().Length;
        var tts = Cached(maxBytes: (oneFile * 2) + (oneFile / 2), memoryMaxBytes: 0); // the disk's bound, without the memory layer

        await tts.SynthesizeAsync("Two.", "en-us", TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromMinutes(1));
        await tts.SynthesizeAsync("One.", "en-us", TestContext.Current.CancellationToken);   // hit: "One." is now newer than "Two."
        _time.Advance(TimeSpan.FromMinutes(1));
        await tts.SynthesizeAsync("Three.", "en-us", TestContext.Current.CancellationToken); // over the bound: "Two." goes
        var runs = _espeak.SynthesisCount;

        Assert.True((await tts.SynthesizeAsync("One.", "en-us", TestContext.Current.CancellationToken)).FromCache);
        Assert.True((await tts.SynthesizeAsync("Three.", "en-us", TestContext.Current.CancellationToken)).FromCache);
        Assert.Equal(runs, _espeak.SynthesisCount);
        Assert.False((await tts.SynthesizeAsync("Two.", "en-us", TestContext.Current.CancellationToken)).FromCache);
    }

    [Fact]
    public async Task CacheFilesAreWrittenAtomically_NoTemporaryFileIsLeft()
    {
        SpeechEngines.RequireEspeak();
        var tts = Cached(maxBytes: 64L * 1024 * 1024);
        await tts.SynthesizeAsync("Thank you.", "en-us", TestContext.Current.CancellationToken);
        Assert.Empty(Directory.GetFiles(_temp.Path, "*.tmp"));
        Assert.Single(Directory.GetFiles(_temp.Path, "*.wav"));
    }

    private CachedTextToSpeech Cached(long maxBytes, long memoryMaxBytes = 32L * 1024 * 1024) =>
        new(_espeak, new PromptCache(_temp.Path, maxBytes, _time), "espeak-ng", memoryMaxBytes);
}
