using System.Collections.Concurrent;
using Parley.Flows.Execution;
using Parley.Media.Audio;
using Parley.Voice.Audio;

namespace Parley.Voice.Tests.Ivr.Support;

/// <summary>Call audio for tests: every prompt is a 440 Hz tone of <see cref="PromptLength"/>; music on hold a looping 300 Hz tone.</summary>
internal sealed class ToneCallAudio : ICallAudio
{
    public TimeSpan PromptLength { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Every prompt opened, in order.</summary>
    public ConcurrentQueue<PlayPrompt> Prompts { get; } = new();

    public int MusicOpened => _music;

    private int _music;

    public static short[] Tone(double frequency, TimeSpan length)
    {
        var samples = new short[(int)(length.TotalSeconds * 8000)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(8000 * Math.Sin(2 * Math.PI * frequency * i / 8000));
        }

        return samples;
    }

    public ValueTask<IAudioFrameSource> OpenPromptAsync(Guid tenantId, PlayPrompt prompt, CancellationToken cancellationToken = default)
    {
        Prompts.Enqueue(prompt);
        return ValueTask.FromResult<IAudioFrameSource>(new WavPlayback(Tone(440, PromptLength)));
    }

    public ValueTask<IAudioFrameSource> OpenMusicOnHoldAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _music);
        return ValueTask.FromResult<IAudioFrameSource>(new WavPlayback(Tone(300, TimeSpan.FromSeconds(1)), loop: true));
    }
}
