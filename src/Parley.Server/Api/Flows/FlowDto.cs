using System.Text.Json;
using Parley.Data.Entities.Flows;

namespace Parley.Server.Api.Flows;

/// <summary>A flow with its draft document, the published version number and the draft's current problems.</summary>
public sealed record FlowDto(
    Guid Id, string Name, JsonElement Draft, int? PublishedVersion, int LatestVersion, FlowDraftValidation Validation,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version)
{
    public static FlowDto From(Flow flow, FlowDraftValidation validation) => new(
        flow.Id, flow.Name, FlowJsonText.ToElement(flow.DraftJson), flow.PublishedVersion, flow.LatestVersion, validation,
        flow.CreatedAt, flow.UpdatedAt, flow.Version);
}
