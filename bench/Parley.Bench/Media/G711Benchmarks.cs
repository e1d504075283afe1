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

        MuLaw.Encode(_pcm, _codes);
    }

    [Benchmark]
    public void MuLawEncodeOneSecond() => MuLaw.Encode(_pcm, _codes);

    [Benchmark]
    public void MuLawDecodeOneSecond() => MuLaw.Decode(_codes, _pcm);

    [Benchmark]
    public void ALawEncodeOneSecond() => ALaw.Encode(_pcm, _codes);

    [Benchmark]
    public void ALawDecodeOneSecond() => ALaw.Decode(_codes, _pcm);

    [Benchmark]
    public void MuLawEncodeOneFrame() => MuLaw.Encode(_pcm.AsSpan(0, 160), _codes);
}
