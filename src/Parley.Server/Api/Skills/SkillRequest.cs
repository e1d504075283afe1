using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Api.Skills;

/// <summary>Body of creating or replacing a skill.</summary>
public sealed record SkillRequest(
    [property: Required, StringLength(100, MinimumLength = 1)] string Name,
    [property: StringLength(500)] string? Description);
