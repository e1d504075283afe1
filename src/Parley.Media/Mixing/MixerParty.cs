namespace Parley.Media.Mixing;

/// <summary>
/// One party of an <see cref="AudioMixer"/>. Write its input frame with <see cref="SetInput"/> before
/// <see cref="AudioMixer.Mix"/>; read what it should hear from <see cref="Output"/> after.
/// </summary>
public sealed class MixerParty
{
    private readonly short[] _input;
    private readonly short[] _output;

    internal MixerParty(int id, int frameSamples)
    {
        Id = id;
        _input = new short[frameSamples];
        _output = new short[frameSamples];
    }

    public int Id { get; }

    /// <summary>When false the party hears but is not heard (supervisor listen, muted participant).</summary>
    public bool Speaks { get; set; } = true;

    /// <summary>
    /// When set, this party's voice goes to <see cref="WhisperTo"/> only (supervisor whisper to the agent);
    /// <see cref="Speaks"/> is then ignored for the conference.
    /// </summary>
    public MixerParty? WhisperTo { get; set; }

    /// <summary>True when an input frame was set for the current mix; cleared by the mix.</summary>
    public bool HasInput { get; private set; }

    internal short[] InputBuffer => _input;

    internal short[] OutputBuffer => _output;

    public ReadOnlySpan<short> Output => _output;

    /// <summary>Sets this frame's input (shorter input is padded with silence).</summary>
    public void SetInput(ReadOnlySpan<short> frame)
    {
        var n = Math.Min(frame.Length, _input.Length);
        frame[..n].CopyTo(_input);
        _input.AsSpan(n).Clear();
        HasInput = true;
    }

    internal void ConsumeInput() => HasInput = false;
}
