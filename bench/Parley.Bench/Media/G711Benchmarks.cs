using BenchmarkDotNet.Attributes;
using Parley.Media.Codecs;

namespace Parley.Bench.Media;

/// <summary>G.711 throughput on one second of 8 kHz audio (8,000 samples) and on one 20 ms frame.</summary>
[MemoryDiagnoser]
public class G711Benchmarks
{
    private readonly short[] _pcm = new short[8000];
    private readonly byte[] _codes = new byte[8000];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        for (var i = 0; i < _pcm.Length; i++)
        {
            _pcm[i] = (short)random.Next(short.MinValue, short.MaxValue);
        }

        G711.MuLaw.Encode(_pcm, _codes);
    }

    [Benchmark]
    public void MuLawEncodeOneSecond() => G711.MuLaw.Encode(_pcm, _codes);

    [Benchmark]
    public void MuLawDecodeOneSecond() => G711.MuLaw.Decode(_codes, _pcm);

    [Benchmark]
    public void ALawEncodeOneSecond() => G711.ALaw.Encode(_pcm, _codes);

    [Benchmark]
    public void ALawDecodeOneSecond() => G711.ALaw.Decode(_codes, _pcm);

    [Benchmark]
    public void MuLawEncodeOneFrame() => G711.MuLaw.Encode(_pcm.AsSpan(0, 160), _codes);
}
