namespace Parley.Server.Web.Admin;

/// <summary>
/// Human labels for the enum values the admin pages show and choose (the API keeps the enum names): drop-downs
/// bind <see cref="ChoiceLabel.Value"/> and show <see cref="ChoiceLabel.Label"/>; lists show <see cref="For"/>.
/// </summary>
public static class ChoiceLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        // Agents: across channels.
        ["RealTimeBlocksOthers"] = "A call blocks other channels",
        ["Independent"] = "Each channel independent",
        ["Exclusive"] = "One interaction at a time",

        // Agents: phone for voice offers.
        ["None"] = "None",
        ["Registered"] = "SIP account",
        ["Uri"] = "SIP address",

        // Queues: strategy.
        ["LongestIdle"] = "Longest idle agent",
        ["LeastOccupied"] = "Least occupied agent",
        ["BestSkillMatch"] = "Best skill match",
        ["RoundRobin"] = "Round robin",

        // Queues: overflow.
        ["Disconnect"] = "Disconnect",
        ["Queue"] = "Another queue",
        ["Voicemail"] = "Voicemail",
        ["Callback"] = "Offer a callback",

        // Queues: wrap-up.
        ["Optional"] = "Optional",
        ["Mandatory"] = "Mandatory",
        ["MandatoryWithTimeLimit"] = "Mandatory, time-limited",
    };

    /// <summary>The label of <paramref name="value"/>; the value itself when it has none.</summary>
    public static string For(string? value) => value is null ? "" : Labels.GetValueOrDefault(value, value);

    /// <summary>The choices for a drop-down over <paramref name="values"/>.</summary>
    public static IReadOnlyList<ChoiceLabel> Of(IEnumerable<string> values) => [.. values.Select(v => new ChoiceLabel(v, For(v)))];
}
