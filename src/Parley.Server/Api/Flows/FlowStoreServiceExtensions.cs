using Microsoft.Extensions.DependencyInjection.Extensions;
using Parley.Flows;
using Parley.Flows.Execution;

namespace Parley.Server.Api.Flows;

/// <summary>The flow library (options from <c>Parley:Flows</c>, validated at start-up) and what the <c>/flows</c> API needs (voices from the
/// <see cref="Parley.Speech.TextToSpeech.ITextToSpeech"/> registered by <c>AddParleySpeech</c>).</summary>
public static class FlowStoreServiceExtensions
{
    public static IServiceCollection AddParleyFlowStore(this IServiceCollection services)
    {
        services.AddOptions<FlowOptions>().BindConfiguration(FlowOptions.Section);
        services.AddParleyFlows();
        services.TryAddSingleton<IFlowSpeechCatalog, EngineSpeechCatalog>();
        services.AddSingleton<FlowBody>();
        services.AddScoped<FlowChecks>();
        services.AddSingleton<FlowPromptPrerender>();
        return services;
    }
}
