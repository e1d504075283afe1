using Parley.Flows.Execution;
using Parley.Media.Audio;

namespace Parley.Voice.Audio;

/// <summary>
/// What a call plays: a flow's prompts (text to speech, or a tenant's uploaded prompt) and the tenant's music on hold.
/// Sources yield 8 kHz 16-bit mono frames for <c>MediaSession.Play</c>.
/// </summary>
public interface ICallAudio
{
    /// <summary>
    /// The prompt, ready to play (synthesised or read from the cache/store first). Throws
    /// <see cref="UnknownPromptException"/> for an uploaded prompt the tenant does not have: skip that prompt.
    /// </summary>
    ValueTask<IAudioFrameSource> OpenPromptAsync(Guid tenantId, PlayPrompt prompt, CancellationToken cancellationToken = default);

    /// <summary>The tenant's music on hold (the shipped file unless the tenant replaced it), looping forever.</summary>
    ValueTask<IAudioFrameSource> OpenMusicOnHoldAsync(Guid tenantId, CancellationToken cancellationToken = default);

    /// <summary>
    /// A queue's music on hold: the uploaded prompt <paramref name="promptId"/> looping forever (a queue's
    /// <c>MusicOnHoldPromptId</c>), or the tenant's music on hold when it is null or no longer exists.
    /// </summary>
    ValueTask<IAudioFrameSource> OpenMusicOnHoldAsync(Guid tenantId, Guid? promptId, CancellationToken cancellationToken = default) =>
        OpenMusicOnHoldAsync(tenantId, cancellationToken);
}
