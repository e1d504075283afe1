using Parley.Routing.Skills;

namespace Parley.Routing.Queues;

/// <summary>
/// After an interaction has waited <paramref name="After"/>, the queue accepts agents meeting these
/// (usually looser) requirements as well. Steps are ordered by <paramref name="After"/>.
/// </summary>
public sealed record BullseyeStep(TimeSpan After, IReadOnlyList<SkillRequirement> RequiredSkills);
