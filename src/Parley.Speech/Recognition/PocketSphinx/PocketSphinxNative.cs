using System.Runtime.InteropServices;

namespace Parley.Speech.Recognition.PocketSphinx;

/// <summary>The part of the pocketsphinx 5prealpha C API (Debian <c>libpocketsphinx3</c>, <c>libsphinxbase3</c>) Parley uses.</summary>
internal static partial class PocketSphinxNative
{
    public const string PocketSphinx = "libpocketsphinx.so.3";
    public const string SphinxBase = "libsphinxbase.so.3";

    [LibraryImport(PocketSphinx)]
    public static partial IntPtr ps_args();

    [LibraryImport(SphinxBase)]
    public static partial IntPtr cmd_ln_parse_r(IntPtr inoutCmdln, IntPtr defn, int argc, [In] IntPtr[] argv, int strict);

    [LibraryImport(SphinxBase)]
    public static partial int cmd_ln_free_r(IntPtr cmdln);

    /// <summary>Sets the process-wide log stream; <c>NULL</c> turns logging off (not thread-safe: call under a lock).</summary>
    [LibraryImport(SphinxBase)]
    public static partial void err_set_logfp(IntPtr stream);

    [LibraryImport(PocketSphinx)]
    public static partial IntPtr ps_init(IntPtr config);

    [LibraryImport(PocketSphinx)]
    public static partial int ps_free(IntPtr ps);

    [LibraryImport(PocketSphinx, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ps_set_jsgf_string(IntPtr ps, string name, string jsgf);

    [LibraryImport(PocketSphinx, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ps_set_search(IntPtr ps, string name);

    [LibraryImport(PocketSphinx, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ps_unset_search(IntPtr ps, string name);

    [LibraryImport(PocketSphinx)]
    public static partial int ps_start_utt(IntPtr ps);

    [LibraryImport(PocketSphinx)]
    public static unsafe partial int ps_process_raw(IntPtr ps, short* data, nuint samples, int noSearch, int fullUtterance);

    [LibraryImport(PocketSphinx)]
    public static partial int ps_end_utt(IntPtr ps);

    [LibraryImport(PocketSphinx)]
    public static partial IntPtr ps_get_hyp(IntPtr ps, out int bestScore);

    [LibraryImport(PocketSphinx)]
    public static partial int ps_get_prob(IntPtr ps);

    [LibraryImport(PocketSphinx)]
    public static partial byte ps_get_in_speech(IntPtr ps);

    [LibraryImport(PocketSphinx)]
    public static partial IntPtr ps_get_logmath(IntPtr ps);

    /// <summary>Segments of the last hypothesis (null when none). 0.8 took a second out parameter; 5prealpha ignores it.</summary>
    [LibraryImport(PocketSphinx)]
    public static partial IntPtr ps_seg_iter(IntPtr ps, out int bestScore);

    /// <summary>The next segment; null at the end (the iterator is then freed).</summary>
    [LibraryImport(PocketSphinx)]
    public static partial IntPtr ps_seg_next(IntPtr seg);

    [LibraryImport(PocketSphinx)]
    public static partial IntPtr ps_seg_word(IntPtr seg);

    [LibraryImport(PocketSphinx)]
    public static partial void ps_seg_frames(IntPtr seg, out int startFrame, out int endFrame);

    [LibraryImport(PocketSphinx)]
    public static partial void ps_seg_free(IntPtr seg);

    [LibraryImport(SphinxBase)]
    public static partial double logmath_exp(IntPtr logmath, int logbP);

    /// <summary>True when both libraries load (the Debian packages are installed).</summary>
    public static bool IsAvailable()
    {
        if (!NativeLibrary.TryLoad(PocketSphinx, out var ps))
        {
            return false;
        }

        NativeLibrary.Free(ps);
        if (!NativeLibrary.TryLoad(SphinxBase, out var sb))
        {
            return false;
        }

        NativeLibrary.Free(sb);
        return true;
    }
}
