using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Parley.Speech.Recognition;
using Parley.Speech.Recognition.PocketSphinx;
using Parley.Speech.TextToSpeech;
using Parley.Speech.Transcription;
using Parley.Speech.TextToSpeech.Cache;
using Parley.Speech.TextToSpeech.Espeak;

namespace Parley.Speech;

public static class SpeechServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SpeechOptions"/> (validated now), espeak-ng behind the prompt cache as
    /// <see cref="ITextToSpeech"/> and <see cref="IPromptPrerenderer"/>, and pocketsphinx as
    /// <see cref="ISpeechToText"/>. Another engine plugs in by registering its own <see cref="ITextToSpeech"/> or
    /// <see cref="ISpeechToText"/> first (these are TryAdd). Bind configuration in <paramref name="configure"/>, e.g.
    /// <c>o =&gt; config.GetSection(SpeechOptions.SectionName).Bind(o)</c>.
    /// </summary>
    public static IServiceCollection AddParleySpeech(this IServiceCollection services, Action<SpeechOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new SpeechOptions();
        configure?.Invoke(options);
        options.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(options);
        services.TryAddSingleton(sp => new EspeakTextToSpeech(options, sp.GetService<ILogger<EspeakTextToSpeech>>()));
        services.TryAddSingleton(sp => new PromptCache(
            options.CacheDirectory, options.CacheMaxBytes, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<PromptCache>>()));
        services.TryAddSingleton(sp => new CachedTextToSpeech(
            sp.GetRequiredService<EspeakTextToSpeech>(), sp.GetRequiredService<PromptCache>(), "espeak-ng"));
        services.TryAddSingleton<ITextToSpeech>(sp => sp.GetRequiredService<CachedTextToSpeech>());
        services.TryAddSingleton<IPromptPrerenderer>(sp => sp.GetRequiredService<CachedTextToSpeech>());
        services.TryAddSingleton(sp => new PocketSphinxSpeechToText(options, sp.GetService<ILogger<PocketSphinxSpeechToText>>()));
        services.TryAddSingleton<ISpeechToText>(sp => sp.GetRequiredService<PocketSphinxSpeechToText>());
        services.TryAddSingleton<ISpeechTranscriber>(_ => new PocketSphinxTranscriber(options));
        return services;
    }
}
