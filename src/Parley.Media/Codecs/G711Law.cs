using System.Runtime.CompilerServices;

namespace Parley.Media.Codecs;

/// <summary>
/// One G.711 law as two lookup tables built once from its G.191 reference algorithm: encoding looks up a 64 KiB
/// table indexed by the sample, decoding a 256-entry table; both are branch-free per sample. The two laws are
/// <see cref="G711.MuLaw"/> and <see cref="G711.ALaw"/>.
/// </summary>
public sealed class G711Law
{
    private readonly byte[] _encodeTable = new byte[65536];
    private readonly short[] _decodeTable = new short[256];

    internal G711Law(Func<short, byte> encodeReference, Func<byte, short> decodeReference)
    {
        for (var i = 0; i < _encodeTable.Length; i++)
        {
            _encodeTable[i] = encodeReference((short)(ushort)i);
        }

        for (var i = 0; i < _decodeTable.Length; i++)
        {
            _decodeTable[i] = decodeReference((byte)i);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte Encode(short sample) => _encodeTable[(ushort)sample];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public short Decode(byte code) => _decodeTable[code];

    /// <summary>Encodes <paramref name="samples"/> into <paramref name="destination"/>, which must be at least as long.</summary>
    public void Encode(ReadOnlySpan<short> samples, Span<byte> destination) => G711Kernel.Encode(_encodeTable, samples, destination);

    /// <summary>Decodes <paramref name="codes"/> into <paramref name="destination"/>, which must be at least as long.</summary>
    public void Decode(ReadOnlySpan<byte> codes, Span<short> destination) => G711Kernel.Decode(_decodeTable, codes, destination);
}
