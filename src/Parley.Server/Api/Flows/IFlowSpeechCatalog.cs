namespace Parley.Server.Api.Flows;

/// <summary>The voices and languages flows may name; a speech engine can replace the configured lists.</summary>
public interface IFlowSpeechCatalog
{
    ValueTask<FlowSpeechNames> GetAsync(CancellationToken cancellationToken);
}
