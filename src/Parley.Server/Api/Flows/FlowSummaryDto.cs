using Parley.Data.Entities.Flows;

namespace Parley.Server.Api.Flows;

/// <summary>A flow in the list: no document.</summary>
public sealed record FlowSummaryDto(Guid Id, string Name, int? PublishedVersion, int LatestVersion, DateTimeOffset UpdatedAt, long Version)
{
    public static FlowSummaryDto From(Flow flow) => new(flow.Id, flow.Name, flow.PublishedVersion, flow.LatestVersion, flow.UpdatedAt, flow.Version);
}
