using Parley.Server.Api.Agents;

namespace Parley.Server.Web.Admin;

/// <summary>An agent being edited: the form binds these; <see cref="ToRequest"/> is the same body the REST API takes.</summary>
public sealed class AgentForm
{
    public static readonly IReadOnlyList<string> CrossChannelRules = ["RealTimeBlocksOthers", "Independent", "Exclusive"];
    public static readonly IReadOnlyList<string> PhoneKinds = ["None", "Registered", "Uri"];

    private AgentDto? _read;

    public Guid? UserId { get; set; }

    public string? DisplayName { get; set; }

    public string? Extension { get; set; }

    public List<SkillLevelRow> Skills { get; set; } = [];

    /// <summary>Capacity per channel, every channel listed (0: none).</summary>
    public Dictionary<string, int> Capacities { get; set; } = QueueForm.ChannelNames.ToDictionary(c => c, c => c switch { "Voice" => 1, "Chat" => 3, "Email" => 5, _ => 0 });

    public string CrossChannelRule { get; set; } = "RealTimeBlocksOthers";

    public string PhoneKind { get; set; } = "None";

    public string? PhoneUri { get; set; }

    public Guid? SipCredentialId { get; set; }

    /// <summary>The version read; an update sends it back (REST's If-Match).</summary>
    public long? Version => _read?.Version;

    public static AgentForm From(AgentDto a) => new()
    {
        _read = a,
        UserId = a.UserId,
        DisplayName = a.DisplayName,
        Extension = a.Extension,
        Skills = a.Skills.Select(s => new SkillLevelRow { SkillId = s.SkillId, Proficiency = s.Proficiency }).ToList(),
        Capacities = QueueForm.ChannelNames.ToDictionary(c => c, c => a.Capacities.TryGetValue(c, out var n) ? n : 0),
        CrossChannelRule = a.CrossChannelRule,
        PhoneKind = a.Phone.Kind,
        PhoneUri = a.Phone.Uri,
        SipCredentialId = a.Phone.SipCredentialId,
    };

    public AgentRequest ToRequest() => new(
        UserId ?? Guid.Empty,
        string.IsNullOrWhiteSpace(DisplayName) ? null : DisplayName.Trim(),
        string.IsNullOrWhiteSpace(Extension) ? null : Extension.Trim(),
        Skills.Where(s => s.SkillId is not null).Select(s => new AgentSkillLevel(s.SkillId!.Value, s.Proficiency)).ToArray(),
        Capacities.Where(c => c.Value > 0).ToDictionary(c => c.Key, c => c.Value),
        CrossChannelRule,
        PhoneKind switch
        {
            "Uri" => new AgentPhone("Uri", Uri: PhoneUri),
            "Registered" => new AgentPhone("Registered", SipCredentialId),
            _ => null,
        });
}
