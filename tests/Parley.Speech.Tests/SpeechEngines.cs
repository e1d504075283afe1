using Parley.Speech.Recognition.PocketSphinx;

namespace Parley.Speech.Tests;

/// <summary>Skips a test, with the package to install, when a Debian speech engine is missing.</summary>
internal static class SpeechEngines
{
    public static void RequireEspeak() =>
        Assert.SkipUnless(OnPath("espeak-ng"), "espeak-ng is not installed: apt-get install espeak-ng (see eng/test.sh).");

    public static void RequirePocketSphinx()
    {
        var options = new SpeechOptions();
        Assert.SkipUnless(
            PocketSphinxNative.IsAvailable() && Directory.Exists(options.AcousticModelDirectory) && File.Exists(options.DictionaryPath),
            "pocketsphinx is not installed: apt-get install libpocketsphinx3 pocketsphinx-en-us (see eng/test.sh).");
    }

    private static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, name)));
}
