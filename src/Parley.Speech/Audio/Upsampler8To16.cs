namespace Parley.Speech.Audio;

/// <summary>
/// 8 kHz → 16 kHz by repeating each sample. The Debian en-us acoustic model is trained on 16 kHz speech with mel
/// filters up to 6.8 kHz; measured on espeak-ng keywords, band-limited (filtered) upsampling leaves those filters
/// empty and the grammar search fails, and the model refuses <c>-samprate 8000</c> (upper filter above Nyquist),
/// while the mirror image sample repetition leaves in 4–8 kHz keeps the features close enough to recognise.
/// </summary>
public static class Upsampler8To16
{
    /// <summary>Writes 2 × <paramref name="input"/>.Length samples into <paramref name="output"/>.</summary>
    public static void Process(ReadOnlySpan<short> input, Span<short> output)
    {
        if (output.Length < input.Length * 2)
        {
            throw new ArgumentException("Output needs twice the input's length.", nameof(output));
        }

        for (var i = 0; i < input.Length; i++)
        {
            output[2 * i] = input[i];
            output[(2 * i) + 1] = input[i];
        }
    }
}
