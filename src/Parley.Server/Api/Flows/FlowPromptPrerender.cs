using Parley.Flows.Execution;
using Parley.Flows.Expressions;
using Parley.Flows.Json;
using Parley.Flows.Model;
using Parley.Server.Api.Prompts;
using Parley.Server.Logging;
using Parley.Server.Voice.Audio;
using Parley.Speech;
using Parley.Speech.TextToSpeech;

namespace Parley.Server.Api.Flows;

/// <summary>
/// Renders a published flow's static prompts (texts without <c>{{…}}</c> references, in play, menu and collect blocks)
/// into the speech cache, with the voice a call will use, so no caller waits for their synthesis. A failure (no
/// espeak-ng) is logged and does not fail the publish: the prompts are then rendered at call time.
/// </summary>
public sealed class FlowPromptPrerender(IPromptPrerenderer prerenderer, SpeechOptions speech, ILogger<FlowPromptPrerender> logger)
{
    /// <summary>The (text, voice) pairs a call of <paramref name="flow"/> can speak without rendering variables.</summary>
    public static IReadOnlyList<SpeechPrompt> StaticPrompts(FlowDocument flow, SpeechOptions speech) =>
        [.. PromptUsage.Prompts(flow.Blocks ?? [])
            .Where(p => !string.IsNullOrEmpty(p.Text) && FlowTemplate.TryParse(p.Text, out var template, out _) && !template!.HasReferences)
            .Select(p => new SpeechPrompt(p.Text!, CallAudio.VoiceOf(new PlayPrompt(p.Text, null, p.Voice ?? flow.Voice, p.Language ?? flow.Language), speech)))
            .Distinct()];

    /// <summary>Renders what is not cached yet; returns how many prompts were rendered now.</summary>
    public async Task<int> RunAsync(string flowJson, CancellationToken cancellationToken)
    {
        try
        {
            var prompts = StaticPrompts(FlowJson.ParseTrusted(flowJson), speech);
            return prompts.Count == 0 ? 0 : await prerenderer.PrerenderAsync(prompts, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.PrerenderFailed(logger, e);
            return 0;
        }
    }
}
