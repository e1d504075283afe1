using Parley.Server.Options.Validation;
using Parley.Voice.Nodes;
using Parley.Voice.Records;

namespace Parley.Server.Voice.Records;

/// <summary>Registers the CDR store (group commit), this node's identity and the start-up closing of open records.</summary>
public static class CallRecordsExtensions
{
    public static IServiceCollection AddParleyCallRecords(this IServiceCollection services)
    {
        services.AddValidatedOptions<VoiceNodeOptions, VoiceNodeOptionsValidator>(VoiceNodeOptions.Section);
        services.AddSingleton<IVoiceNode, NodeIdentity>();
        services.AddSingleton<EfCallRecordStore>();
        services.AddSingleton<ICallRecordStore>(sp => sp.GetRequiredService<EfCallRecordStore>());
        services.AddSingleton<OpenCallCloser>();
        services.AddSingleton<OrphanedInteractions>();
        return services;
    }
}
