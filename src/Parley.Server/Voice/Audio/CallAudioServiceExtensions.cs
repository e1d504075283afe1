using Microsoft.Extensions.Options;
using Parley.Server.Api.Prompts;
using Parley.Server.Extensions;
using Parley.Server.Options.Validation;
using Parley.Voice.Audio;
using Parley.Voice.Queues;

namespace Parley.Server.Voice.Audio;

/// <summary>
/// Call audio (<see cref="ICallAudio"/>), the tenants' prompt and music-on-hold files, the upload limit of
/// <c>/prompts</c> and <c>/music-on-hold</c> (<c>Parley:Prompts</c>, validated at start-up) and the queues' caller
/// settings (<see cref="IQueueCallerSettings"/>). Needs <c>AddParleySpeech</c>.
/// </summary>
public static class CallAudioServiceExtensions
{
    public static IServiceCollection AddParleyCallAudio(this IServiceCollection services)
    {
        services.AddValidatedOptions<PromptOptions, PromptOptionsValidator>(PromptOptions.Section);
        services.AddSingleton<TenantAudioStore>();
        services.AddSingleton<PromptAudioCache>();
        services.AddSingleton<DefaultMusicOnHold>();
        services.AddSingleton<CallAudio>();
        services.AddSingleton<ICallAudio>(sp => sp.GetRequiredService<CallAudio>());
        services.AddSingleton<QueueCallerSettingsCache>();
        services.AddSingleton<IQueueCallerSettings>(sp => sp.GetRequiredService<QueueCallerSettingsCache>());
        foreach (var prefix in new[] { "/api/v1/prompts", "/api/v1/music-on-hold" })
        {
            services.AddSingleton(sp =>
            {
                var options = sp.GetRequiredService<IOptionsMonitor<PromptOptions>>();
                return new UploadBodyLimit(prefix, () => PromptUpload.RequestLimit(options.CurrentValue));
            });
        }

        return services;
    }
}
