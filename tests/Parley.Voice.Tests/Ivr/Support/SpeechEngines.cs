using Parley.Speech;
using Parley.Speech.Recognition.PocketSphinx;

namespace Parley.Voice.Tests.Ivr.Support;

/// <summary>The real Debian speech engines, or a skip naming the package to install.</summary>
internal static class SpeechEngines
{
    public static void RequireEspeak() =>
        Assert.SkipUnless(OnPath("espeak-ng"), "espeak-ng is not installed: apt-get install espeak-ng (see eng/test.sh).");

    /// <summary>pocketsphinx with one decoder loaded, so a recognition starts without waiting for the model.</summary>
    public static async Task<PocketSphinxSpeechToText> StartPocketSphinxAsync(int decoders = 1)
    {
        var options = new SpeechOptions { MaxConcurrentRecognitions = decoders, RecognitionQueueFrames = 1000 };
        Assert.SkipUnless(
            Directory.Exists(options.AcousticModelDirectory) && File.Exists(options.DictionaryPath),
            "pocketsphinx is not installed: apt-get install libpocketsphinx3 pocketsphinx-en-us (see eng/test.sh).");
        var stt = new PocketSphinxSpeechToText(options);
        try
        {
            await stt.WarmUpAsync(decoders);
        }
        catch (DllNotFoundException)
        {
            stt.Dispose();
            Assert.Skip("libpocketsphinx is not installed: apt-get install libpocketsphinx3 (see eng/test.sh).");
        }

        return stt;
    }

    private static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, name)));
}
