namespace Parley.Speech.TextToSpeech;

/// <summary>Renders static prompts ahead of time (at flow publish), so a call never waits for their synthesis.</summary>
public interface IPromptPrerenderer
{
    /// <summary>Renders every prompt not already cached; returns how many were rendered now.</summary>
    ValueTask<int> PrerenderAsync(IEnumerable<SpeechPrompt> prompts, CancellationToken cancellationToken = default);
}
