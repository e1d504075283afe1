using Parley.Flows.Execution;
using Parley.Media;
using Parley.Sip.Stack;
using Parley.Speech.Recognition;
using Parley.Voice.Audio;
using Parley.Voice.Calls;
using Parley.Voice.Calls.Outbound;
using Parley.Voice.Calls.Ports;
using Parley.Voice.Ivr;
using Parley.Voice.Nodes;
using Parley.Voice.Queues;
using Parley.Voice.Recording;
using Parley.Voice.Records;

namespace Parley.Server.Voice.Calls;

/// <summary>Wires the call model (<see cref="InboundCalls"/>) to the server: routing grains, flows, phones, audio and records.</summary>
internal static class CallHostExtensions
{
    public static IServiceCollection AddParleyCalls(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<AgentPhonePresence>();
        services.AddSingleton<IAgentPhones, AgentPhones>();
        services.AddSingleton<IOutboundTrunks, OutboundTrunks>();
        services.AddSingleton<IPublishedFlows, PublishedFlows>();
        services.AddSingleton<GrainCallRouting>();
        services.AddSingleton<ICallRouting>(sp => sp.GetRequiredService<GrainCallRouting>());
        services.AddHostedService(sp => sp.GetRequiredService<GrainCallRouting>());
        services.AddSingleton<VoiceDialogs>();
        services.AddSingleton(sp =>
        {
            var options = new InboundCallOptions();
            configuration.GetSection("Parley:Calls").Bind(options);
            options.RecordingsDirectory ??= Path.Combine(Path.GetFullPath(configuration["Parley:DataDirectory"] ?? "./data"), "recordings");
            options.NodeId = sp.GetRequiredService<IVoiceNode>().Id;
            options.Validate();
            return options;
        });
        services.AddSingleton(sp => new InboundCalls(
            sp.GetRequiredService<MediaEngine>(),
            () => sp.GetRequiredService<SipStack>(),
            sp.GetRequiredService<VoiceDialogs>(),
            sp.GetRequiredService<ICallRouting>(),
            sp.GetRequiredService<IAgentPhones>(),
            sp.GetRequiredService<IOutboundTrunks>(),
            sp.GetRequiredService<IQueueCallerSettings>(),
            sp.GetRequiredService<IPublishedFlows>(),
            sp.GetRequiredService<ISpeechToText>(),
            sp.GetRequiredService<IFlowHttpClient>(),
            sp.GetRequiredService<FlowInterpreter>(),
            sp.GetRequiredService<ICallAudio>(),
            sp.GetRequiredService<ICallRecordStore>(),
            sp.GetRequiredService<InboundCallOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<ICallbacks>(),
            sp.GetRequiredService<IVoicemails>(),
            sp.GetRequiredService<RecordingClock>()));
        services.AddSingleton(sp => new RecordingClock(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IVoicemails, GrainVoicemails>();
        services.AddSingleton(_ =>
        {
            var options = new CallbackScheduleOptions();
            configuration.GetSection(CallbackScheduleOptions.SectionName).Bind(options);
            options.Validate();
            return options;
        });
        services.AddSingleton<ICallbackSchedule, EfCallbackSchedule>();
        services.AddSingleton(sp => new Callbacks(
            sp.GetRequiredService<OutboundCalls>(),
            sp.GetRequiredService<ICallRouting>(),
            sp.GetRequiredService<IAgentPhones>(),
            sp.GetRequiredService<IOutboundTrunks>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<ICallbackSchedule>(),
            sp.GetRequiredService<CallbackScheduleOptions>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<ScheduledCallbackJob>();
        services.AddSingleton<ICallbacks>(sp => sp.GetRequiredService<Callbacks>());
        services.AddHostedService<CallbackRestorer>();
        services.AddHostedService<Application.Calls.CallActivityEvents>();
        services.AddSingleton(sp => new OutboundCalls(
            sp.GetRequiredService<MediaEngine>(),
            () => sp.GetRequiredService<SipStack>(),
            sp.GetRequiredService<VoiceDialogs>(),
            // Lazily: InboundCalls needs the callbacks, which need these calls.
            () => sp.GetRequiredService<InboundCalls>(),
            sp.GetRequiredService<ICallRouting>(),
            sp.GetRequiredService<ICallAudio>(),
            sp.GetRequiredService<ICallRecordStore>(),
            sp.GetRequiredService<InboundCallOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<IQueueCallerSettings>()));
        return services;
    }
}
