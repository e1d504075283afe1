using Parley.Data.Entities.Voice;

namespace Parley.Server.Api.Prompts;

/// <summary>An uploaded prompt as listed: the id a flow's play block names as <c>promptId</c>.</summary>
public sealed record PromptDto(Guid Id, string Name, string SourceType, int DurationMs, long SizeBytes, string Sha256, DateTimeOffset CreatedAt)
{
    public static PromptDto From(Prompt p) => new(p.Id, p.Name, p.SourceType, p.DurationMs, p.SizeBytes, p.Sha256, p.CreatedAt);
}
