using Parley.Speech.Recognition.PocketSphinx;

namespace Parley.Speech.Tests.Recognition;

/// <summary>
/// Decoders loaded and freed on many threads at once, as a burst of IVR calls does: pocketsphinx keeps its log file in a
/// process-wide variable, and a decoder configured with its own log file swaps (and closes) it without a lock.
/// </summary>
public sealed class PocketSphinxDecoderLoadTests
{
    [Fact]
    public async Task DecodersLoadedOnManyThreadsAtOnce_AllLoad_AndTheProcessSurvives()
    {
        SpeechEngines.RequirePocketSphinx();
        var options = new SpeechOptions();
        var loaded = 0;
        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 15; i++)
            {
                using var decoder = PocketSphinxDecoder.Load(options.AcousticModelDirectory, options.DictionaryPath);
                decoder.UseKeywords(["sales", "support"]);
                Interlocked.Increment(ref loaded);
            }
        }, TestContext.Current.CancellationToken));

        await Task.WhenAll(workers);
        Assert.Equal(120, loaded);
    }
}
