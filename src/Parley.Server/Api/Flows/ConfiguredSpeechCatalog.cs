using Microsoft.Extensions.Options;
using Parley.Server.Options;

namespace Parley.Server.Api.Flows;

/// <summary>The voices and languages listed in <see cref="FlowStoreOptions"/>.</summary>
internal sealed class ConfiguredSpeechCatalog(IOptions<FlowStoreOptions> options) : IFlowSpeechCatalog
{
    private readonly FlowSpeechNames _names = new(
        options.Value.Voices.ToHashSet(StringComparer.OrdinalIgnoreCase),
        options.Value.Languages.ToHashSet(StringComparer.OrdinalIgnoreCase));

    public ValueTask<FlowSpeechNames> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_names);
}
