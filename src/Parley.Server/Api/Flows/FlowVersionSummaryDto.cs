using Parley.Data.Entities.Flows;

namespace Parley.Server.Api.Flows;

/// <summary>One published version in the history; <c>published</c> marks the one calls run.</summary>
public sealed record FlowVersionSummaryDto(int Version, bool Published, DateTimeOffset PublishedAt, string? PublishedBy)
{
    public static FlowVersionSummaryDto From(FlowVersion version, int? published) =>
        new(version.Number, version.Number == published, version.PublishedAt, version.PublishedBy);
}
