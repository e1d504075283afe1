namespace Parley.Routing.Skills;

/// <summary>A tenant-defined skill such as "sales" or "french".</summary>
public readonly record struct SkillId(string Value)
{
    public override string ToString() => Value;
}
