using BenchmarkDotNet.Attributes;
using Parley.Media.Mixing;

namespace Parley.Bench.Media;

/// <summary>Cost of mixing one 20 ms frame for N parties (divide by N for the cost per party).</summary>
[MemoryDiagnoser]
public class MixerBenchmarks
{
    private AudioMixer _mixer = null!;
    private short[] _frame = null!;
    private List<MixerParty> _parties = null!;

    [Params(3, 10, 50)]
    public int Parties { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _mixer = new AudioMixer();
        _frame = new short[160];
        var random = new Random(2);
        for (var i = 0; i < _frame.Length; i++)
        {
            _frame[i] = (short)random.Next(-8000, 8000);
        }

        _parties = [];
        for (var p = 0; p < Parties; p++)
        {
            _parties.Add(_mixer.AddParty());
        }
    }

    /// <summary>Sets every party's input (as received audio would) and mixes: the whole per-frame cost.</summary>
    [Benchmark]
    public void SetInputsAndMix()
    {
        foreach (var party in _parties)
        {
            party.SetInput(_frame);
        }

        _mixer.Mix();
    }
}
