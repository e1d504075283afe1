using Microsoft.Extensions.Options;
using Parley.Server.Logging;
using Parley.Server.Options;
using Parley.Speech.TextToSpeech;

namespace Parley.Server.Api.Flows;

/// <summary>
/// The voices flows may name: <c>Parley:FlowStore:Voices</c> when it is set (an override), else the speech engine's
/// own list (ids and aliases), read once on first use. When the engine cannot list its voices (espeak-ng missing) the
/// built-in list is used and a warning logged. Languages always come from <c>Parley:FlowStore:Languages</c>.
/// </summary>
internal sealed class EngineSpeechCatalog(IOptions<FlowStoreOptions> options, ITextToSpeech engine, ILogger<EngineSpeechCatalog> logger)
    : IFlowSpeechCatalog, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private FlowSpeechNames? _names;

    public async ValueTask<FlowSpeechNames> GetAsync(CancellationToken cancellationToken)
    {
        if (_names is { } names)
        {
            return names;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _names ??= new FlowSpeechNames(await LoadVoicesAsync(cancellationToken), Set(options.Value.Languages));
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<IReadOnlySet<string>> LoadVoicesAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Voices.Length > 0)
        {
            return Set(options.Value.Voices);
        }

        try
        {
            var voices = await engine.GetVoicesAsync(cancellationToken);
            return Set(voices.SelectMany(v => v.Aliases.Prepend(v.Id)));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.SpeechVoicesUnavailable(logger, e, FlowStoreOptions.FallbackVoices.Length);
            return Set(FlowStoreOptions.FallbackVoices);
        }
    }

    private static HashSet<string> Set(IEnumerable<string> names) => names.ToHashSet(StringComparer.OrdinalIgnoreCase);
}
