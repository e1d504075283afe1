using System.Text.Json;
using Parley.Data.Entities.Flows;

namespace Parley.Server.Api.Flows;

/// <summary>One immutable version with its document.</summary>
public sealed record FlowVersionDto(Guid FlowId, int Version, bool Published, DateTimeOffset PublishedAt, string? PublishedBy, JsonElement Document)
{
    public static FlowVersionDto From(FlowVersion version, int? published) => new(
        version.FlowId, version.Number, version.Number == published, version.PublishedAt, version.PublishedBy, FlowJsonText.ToElement(version.Json));
}
