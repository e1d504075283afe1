using Parley.Voice.Calls;
using Parley.Voice.Calls.Ports;

namespace Parley.Server.Voice.Calls;

/// <summary>Wires the call model (<see cref="InboundCalls"/>) to the server: routing grains, flows, phones, audio and records.</summary>
internal static class CallHostExtensions
{
    public static IServiceCollection AddParleyCalls(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<AgentPhonePresence>();
        services.AddSingleton<IAgentPhones, AgentPhones>();
        services.AddSingleton<IPublishedFlows, PublishedFlows>();
        services.AddSingleton<GrainCallRouting>();
        services.AddSingleton<ICallRouting>(sp => sp.GetRequiredService<GrainCallRouting>());
        services.AddHostedService(sp => sp.GetRequiredService<GrainCallRouting>());
        services.AddSingleton<VoiceDialogs>();
        services.AddSingleton(sp =>
        {
            var options = new InboundCallOptions();
            configuration.GetSection("Parley:Calls").Bind(options);
            return options;
        });
        return services;
    }
}
