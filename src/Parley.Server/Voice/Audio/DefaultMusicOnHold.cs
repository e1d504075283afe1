using Microsoft.Extensions.Options;
using Parley.Media.Audio;

namespace Parley.Server.Voice.Audio;

/// <summary>The music on hold shipped with Parley (<c>Assets/music-on-hold.wav</c>), read once on first use.</summary>
public sealed class DefaultMusicOnHold(IOptions<PromptOptions> options)
{
    private readonly Lazy<short[]> _samples = new(() => WavReader.Read(options.Value.DefaultMusicOnHoldPath).ToTelephonyPcm());

    public string Path => options.Value.DefaultMusicOnHoldPath;

    public short[] Samples => _samples.Value;
}
