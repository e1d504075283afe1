using Parley.Data.Entities.Acd;

namespace Parley.Server.Api.Skills;

public sealed record SkillDto(Guid Id, string Name, string? Description, long Version)
{
    public static SkillDto From(Skill skill) => new(skill.Id, skill.Name, skill.Description, skill.Version);
}
