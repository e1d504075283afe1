namespace Parley.Routing.Skills;

/// <summary>Numbers skills densely so agents and indexes use arrays instead of dictionaries on hot paths.</summary>
internal sealed class SkillRegistry
{
    private readonly Dictionary<SkillId, int> _numbers = [];

    public int Count => _numbers.Count;

    public int Resolve(SkillId skill)
    {
        if (!_numbers.TryGetValue(skill, out var number))
        {
            number = _numbers.Count;
            _numbers.Add(skill, number);
        }

        return number;
    }
}
