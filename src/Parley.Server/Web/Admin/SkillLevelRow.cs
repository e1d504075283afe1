namespace Parley.Server.Web.Admin;

/// <summary>One skill of an agent in the form: which skill and how well (1–5).</summary>
public sealed class SkillLevelRow
{
    public Guid? SkillId { get; set; }

    public int Proficiency { get; set; } = 3;
}
