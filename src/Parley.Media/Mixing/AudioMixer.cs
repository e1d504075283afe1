using System.Numerics;
using System.Runtime.InteropServices;

namespace Parley.Media.Mixing;

/// <summary>
/// N-party mixer: every party hears the sum of everyone who speaks except itself, saturated to 16 bits. The sum is
/// taken once (O(N) per frame, not O(N²)): total = Σ inputs, then out(p) = sat(total − in(p)). Sums and saturation
/// use <see cref="Vector{T}"/> (SIMD). Parties without input this frame contribute silence (a late or lost packet).
/// Not thread-safe: mix from the media clock thread.
/// </summary>
public sealed class AudioMixer
{
    private readonly List<MixerParty> _parties = [];
    private readonly int[] _total;
    private int _nextId;

    public AudioMixer(int frameSamples = 160)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frameSamples, 1);
        FrameSamples = frameSamples;
        _total = new int[frameSamples];
    }

    public int FrameSamples { get; }

    public int PartyCount => _parties.Count;

    public MixerParty AddParty()
    {
        var party = new MixerParty(++_nextId, FrameSamples);
        _parties.Add(party);
        return party;
    }

    public bool RemoveParty(MixerParty party)
    {
        ArgumentNullException.ThrowIfNull(party);
        foreach (var p in _parties)
        {
            if (p.WhisperTo == party)
            {
                p.WhisperTo = null;
            }
        }

        return _parties.Remove(party);
    }

    /// <summary>Mixes the current frame: fills every party's <see cref="MixerParty.Output"/>.</summary>
    public void Mix()
    {
        var total = _total.AsSpan();
        total.Clear();
        var parties = CollectionsMarshal.AsSpan(_parties);
        foreach (var p in parties)
        {
            if (Contributes(p))
            {
                Accumulate(total, p.InputBuffer);
            }
        }

        foreach (var p in parties)
        {
            if (Contributes(p))
            {
                SubtractSaturate(total, p.InputBuffer, p.OutputBuffer);
            }
            else
            {
                Saturate(total, p.OutputBuffer);
            }
        }

        foreach (var p in parties)
        {
            if (p.WhisperTo is { } target && p.HasInput)
            {
                AddSaturate(target.OutputBuffer, p.InputBuffer);
            }
        }

        foreach (var p in parties)
        {
            p.ConsumeInput();
        }
    }

    private static bool Contributes(MixerParty p) => p.HasInput && p.Speaks && p.WhisperTo is null;

    internal static void Accumulate(Span<int> total, ReadOnlySpan<short> input)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && input.Length >= Vector<short>.Count)
        {
            var inputs = MemoryMarshal.Cast<short, Vector<short>>(input);
            var totals = MemoryMarshal.Cast<int, Vector<int>>(total);
            for (var v = 0; v < inputs.Length; v++)
            {
                Vector.Widen(inputs[v], out var lo, out var hi);
                totals[2 * v] += lo;
                totals[(2 * v) + 1] += hi;
            }

            i = inputs.Length * Vector<short>.Count;
        }

        for (; i < input.Length; i++)
        {
            total[i] += input[i];
        }
    }

    internal static void SubtractSaturate(ReadOnlySpan<int> total, ReadOnlySpan<short> own, Span<short> output)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && own.Length >= Vector<short>.Count)
        {
            var owns = MemoryMarshal.Cast<short, Vector<short>>(own);
            var totals = MemoryMarshal.Cast<int, Vector<int>>(total);
            var outs = MemoryMarshal.Cast<short, Vector<short>>(output);
            var min = new Vector<int>(short.MinValue);
            var max = new Vector<int>(short.MaxValue);
            for (var v = 0; v < owns.Length; v++)
            {
                Vector.Widen(owns[v], out var lo, out var hi);
                var a = Vector.Min(Vector.Max(totals[2 * v] - lo, min), max);
                var b = Vector.Min(Vector.Max(totals[(2 * v) + 1] - hi, min), max);
                outs[v] = Vector.Narrow(a, b);
            }

            i = owns.Length * Vector<short>.Count;
        }

        for (; i < own.Length; i++)
        {
            output[i] = (short)Math.Clamp(total[i] - own[i], short.MinValue, short.MaxValue);
        }
    }

    private static void Saturate(ReadOnlySpan<int> total, Span<short> output)
    {
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = (short)Math.Clamp(total[i], short.MinValue, short.MaxValue);
        }
    }

    private static void AddSaturate(Span<short> output, ReadOnlySpan<short> add)
    {
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = (short)Math.Clamp(output[i] + add[i], short.MinValue, short.MaxValue);
        }
    }
}
