using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Parley.Sip.Stack;
using Parley.Voice.Calls;
using Parley.Voice.Echo;

namespace Parley.Voice;

public static class VoiceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="VoiceRouter"/> as the <see cref="SipApplication"/> and the echo test (<c>sip:echo@any-host</c>).
    /// Needs <c>AddParleyMedia</c> (the <see cref="Parley.Media.MediaEngine"/>); add more <see cref="VoiceCallHandler"/>s as singletons.
    /// Bind the echo test's limits in <paramref name="configureEcho"/> (section <see cref="EchoTestOptions.SectionName"/>).
    /// </summary>
    public static IServiceCollection AddParleyVoice(this IServiceCollection services, Action<EchoTestOptions>? configureEcho = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var echo = new EchoTestOptions();
        configureEcho?.Invoke(echo);
        echo.Validate();
        services.TryAddSingleton(echo);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EchoTestHandler>();
        services.AddSingleton<VoiceCallHandler>(sp => sp.GetRequiredService<EchoTestHandler>());
        services.TryAddSingleton<VoiceRouter>();
        services.TryAddSingleton<SipApplication>(sp => sp.GetRequiredService<VoiceRouter>());
        return services;
    }
}
