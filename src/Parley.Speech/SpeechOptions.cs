namespace Parley.Speech;

/// <summary>Speech options, bound from <c>Parley:Speech</c>. Defaults use the Debian espeak-ng and pocketsphinx packages.</summary>
public sealed class SpeechOptions
{
    public const string SectionName = "Parley:Speech";

    /// <summary>The espeak-ng executable (a name on PATH or a full path). Default <c>espeak-ng</c>.</summary>
    public string EspeakPath { get; set; } = "espeak-ng";

    /// <summary>Voice for prompts that name neither a voice nor a language. Default <c>en-us</c>.</summary>
    public string DefaultVoice { get; set; } = "en-us";

    /// <summary>Speaking rate in words per minute (espeak-ng <c>-s</c>), 80..450. Default 160.</summary>
    public int WordsPerMinute { get; set; } = 160;

    /// <summary>Longest text one prompt may hold, in characters. Default 2,000.</summary>
    public int MaxTextLength { get; set; } = 2000;

    /// <summary>How many espeak-ng processes may run at once. Default 2.</summary>
    public int MaxConcurrentSyntheses { get; set; } = 2;

    /// <summary>An espeak-ng run that takes longer than this is killed. Default 30 s.</summary>
    public TimeSpan SynthesisTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Directory of rendered prompts (8 kHz WAV files named by hash). Default <c>data/speech-cache</c>.</summary>
    public string CacheDirectory { get; set; } = Path.Combine("data", "speech-cache");

    /// <summary>Upper bound of the cache on disk; least recently used files go first. Default 256 MiB; minimum 1 MiB.</summary>
    public long CacheMaxBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>pocketsphinx acoustic model directory. Default the Debian <c>pocketsphinx-en-us</c> model.</summary>
    public string AcousticModelDirectory { get; set; } = "/usr/share/pocketsphinx/model/en-us/en-us";

    /// <summary>pocketsphinx pronunciation dictionary. Default the Debian <c>cmudict-en-us.dict</c>.</summary>
    public string DictionaryPath { get; set; } = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict";

    /// <summary>pocketsphinx language model for transcription (free speech). Default the Debian <c>en-us.lm.bin</c>.</summary>
    public string LanguageModelPath { get; set; } = "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin";

    /// <summary>
    /// How many recognitions run at once; each holds one decoder (loaded once, reused). Default 4. A session
    /// started beyond this waits for a decoder.
    /// </summary>
    public int MaxConcurrentRecognitions { get; set; } = 4;

    /// <summary>20 ms frames a session buffers between the media thread and its decoder; beyond, frames are dropped. Default 250 (5 s).</summary>
    public int RecognitionQueueFrames { get; set; } = 250;

    /// <summary>Confidence (posterior, 0..1) below which a hypothesis is a no-match, unless the request sets its own. Default 0.5.</summary>
    public double DefaultConfidenceThreshold { get; set; } = 0.5;

    /// <summary>Most audio one recognition listens to before it decides. Default 10 s.</summary>
    public TimeSpan MaxUtterance { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws on an unusable configuration; called at start-up.</summary>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(EspeakPath), nameof(EspeakPath), "must name the espeak-ng executable.");
        Require(!string.IsNullOrWhiteSpace(DefaultVoice), nameof(DefaultVoice), "must name a voice.");
        Require(WordsPerMinute is >= 80 and <= 450, nameof(WordsPerMinute), "must be 80..450.");
        Require(MaxTextLength is >= 1 and <= 100_000, nameof(MaxTextLength), "must be 1..100000.");
        Require(MaxConcurrentSyntheses is >= 1 and <= 64, nameof(MaxConcurrentSyntheses), "must be 1..64.");
        Require(SynthesisTimeout > TimeSpan.Zero, nameof(SynthesisTimeout), "must be positive.");
        Require(!string.IsNullOrWhiteSpace(CacheDirectory), nameof(CacheDirectory), "must be set.");
        Require(CacheMaxBytes >= 1024 * 1024, nameof(CacheMaxBytes), "must be at least 1 MiB.");
        Require(!string.IsNullOrWhiteSpace(AcousticModelDirectory), nameof(AcousticModelDirectory), "must be set.");
        Require(!string.IsNullOrWhiteSpace(DictionaryPath), nameof(DictionaryPath), "must be set.");
        Require(MaxConcurrentRecognitions is >= 1 and <= 256, nameof(MaxConcurrentRecognitions), "must be 1..256.");
        Require(RecognitionQueueFrames is >= 10 and <= 10_000, nameof(RecognitionQueueFrames), "must be 10..10000.");
        Require(DefaultConfidenceThreshold is >= 0 and <= 1, nameof(DefaultConfidenceThreshold), "must be 0..1.");
        Require(MaxUtterance >= TimeSpan.FromSeconds(1) && MaxUtterance <= TimeSpan.FromMinutes(1), nameof(MaxUtterance), "must be 1 s..1 min.");
    }

    private static void Require(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(name, $"{SectionName}:{name} {message}");
        }
    }
}
