using System.Runtime.InteropServices;
using System.Text;

namespace Parley.Speech.Recognition.PocketSphinx;

/// <summary>
/// One pocketsphinx decoder (acoustic model, dictionary, search state). Loaded once and reused for many
/// recognitions; used by one thread at a time. Grammars are registered once per keyword set and switched by name.
/// </summary>
internal sealed class PocketSphinxDecoder : IDisposable
{
    private const int MaxGrammars = 64;

    /// <summary>
    /// pocketsphinx keeps its log stream and other start-up state in process-wide variables that <c>ps_init</c> changes
    /// without a lock (with <c>-logfn</c> two loads at once closed the same <c>FILE</c> twice: <c>free(): invalid
    /// pointer</c> at 200 IVR calls/s). Loads take turns, and logging is turned off once instead of per decoder.
    /// </summary>
    private static readonly Lock LoadLock = new();
    private static bool _loggingOff;
    private readonly IntPtr _decoder;
    private readonly IntPtr _logmath;
    private readonly Queue<string> _grammars = new();
    private bool _disposed;

    private PocketSphinxDecoder(IntPtr decoder)
    {
        _decoder = decoder;
        _logmath = PocketSphinxNative.ps_get_logmath(decoder);
    }

    public static PocketSphinxDecoder Load(string modelDirectory, string dictionaryPath, string? languageModelPath = null)
    {
        string[] arguments = languageModelPath is null
            ? ["-hmm", modelDirectory, "-dict", dictionaryPath, "-samprate", "16000"]
            : ["-hmm", modelDirectory, "-dict", dictionaryPath, "-lm", languageModelPath, "-samprate", "16000", "-remove_silence", "no"];
        var pointers = new IntPtr[arguments.Length];
        try
        {
            for (var i = 0; i < arguments.Length; i++)
            {
                pointers[i] = Marshal.StringToCoTaskMemUTF8(arguments[i]);
            }

            IntPtr decoder;
            lock (LoadLock)
            {
                if (!_loggingOff)
                {
                    PocketSphinxNative.err_set_logfp(IntPtr.Zero);
                    _loggingOff = true;
                }

                var config = PocketSphinxNative.cmd_ln_parse_r(IntPtr.Zero, PocketSphinxNative.ps_args(), pointers.Length, pointers, 1);
                if (config == IntPtr.Zero)
                {
                    throw new InvalidOperationException("pocketsphinx refused its configuration.");
                }

                decoder = PocketSphinxNative.ps_init(config);
                PocketSphinxNative.cmd_ln_free_r(config);
            }

            return decoder == IntPtr.Zero
                ? throw new InvalidOperationException($"pocketsphinx could not load the model in {modelDirectory} with {dictionaryPath}.")
                : new PocketSphinxDecoder(decoder);
        }
        finally
        {
            foreach (var pointer in pointers)
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }
    }

    /// <summary>Selects (registering on first use) the grammar "exactly one of these phrases".</summary>
    public void UseKeywords(IReadOnlyList<string> phrases)
    {
        var jsgf = new StringBuilder("#JSGF V1.0;\ngrammar menu;\npublic <menu> = ");
        jsgf.AppendJoin(" | ", phrases).Append(";\n");
        var text = jsgf.ToString();
        var name = "g" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        if (!_grammars.Contains(name))
        {
            if (PocketSphinxNative.ps_set_jsgf_string(_decoder, name, text) != 0)
            {
                throw new ArgumentException("pocketsphinx refused the keyword grammar (a word is not in its dictionary).", nameof(phrases));
            }

            _grammars.Enqueue(name);
            if (_grammars.Count > MaxGrammars)
            {
                PocketSphinxNative.ps_unset_search(_decoder, _grammars.Dequeue());
            }
        }

        if (PocketSphinxNative.ps_set_search(_decoder, name) != 0)
        {
            throw new InvalidOperationException("pocketsphinx could not select the keyword grammar.");
        }
    }

    public void StartUtterance()
    {
        if (PocketSphinxNative.ps_start_utt(_decoder) < 0)
        {
            throw new InvalidOperationException("pocketsphinx could not start an utterance.");
        }
    }

    /// <summary>Feeds 16 kHz samples; returns whether the decoder's voice activity detector hears speech now.</summary>
    public unsafe bool Process(ReadOnlySpan<short> samples16k)
    {
        fixed (short* data = samples16k)
        {
            if (PocketSphinxNative.ps_process_raw(_decoder, data, (nuint)samples16k.Length, 0, 0) < 0)
            {
                throw new InvalidOperationException("pocketsphinx failed to process audio.");
            }
        }

        return PocketSphinxNative.ps_get_in_speech(_decoder) != 0;
    }

    /// <summary>Ends the utterance and returns the best phrase (null if none) and its posterior probability.</summary>
    public (string? Phrase, double Confidence) EndUtterance()
    {
        PocketSphinxNative.ps_end_utt(_decoder);
        var hyp = PocketSphinxNative.ps_get_hyp(_decoder, out _);
        var phrase = hyp == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(hyp)?.Trim();
        if (string.IsNullOrEmpty(phrase))
        {
            return (null, 0);
        }

        var confidence = PocketSphinxNative.logmath_exp(_logmath, PocketSphinxNative.ps_get_prob(_decoder));
        return (phrase, Math.Clamp(confidence, 0, 1));
    }

    /// <summary>
    /// Decodes one whole utterance of 16 kHz samples with the loaded language model (a decoder loaded with one) and
    /// returns its words with their start and end frames (100 per second, from the utterance's start).
    /// </summary>
    public unsafe List<(string Word, int StartFrame, int EndFrame)> DecodeUtterance(ReadOnlySpan<short> samples16k)
    {
        StartUtterance();
        fixed (short* data = samples16k)
        {
            if (PocketSphinxNative.ps_process_raw(_decoder, data, (nuint)samples16k.Length, 0, 1) < 0)
            {
                throw new InvalidOperationException("pocketsphinx failed to process audio.");
            }
        }

        PocketSphinxNative.ps_end_utt(_decoder);
        var words = new List<(string, int, int)>();
        for (var seg = PocketSphinxNative.ps_seg_iter(_decoder, out _); seg != IntPtr.Zero; seg = PocketSphinxNative.ps_seg_next(seg))
        {
            var word = Marshal.PtrToStringUTF8(PocketSphinxNative.ps_seg_word(seg));
            PocketSphinxNative.ps_seg_frames(seg, out var start, out var end);
            if (word is not null)
            {
                words.Add((word, start, end));
            }
        }

        return words;
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            PocketSphinxNative.ps_free(_decoder);
        }
    }
}
