using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Api.Agents;

/// <summary>
/// Body of creating or replacing an agent: the user it works as, extension, skills, capacity per channel
/// (<c>Voice</c>, <c>Video</c>, <c>Chat</c>, <c>Email</c>, <c>Messaging</c>) and the cross-channel rule
/// (<c>Independent</c>, <c>RealTimeBlocksOthers</c> — the default —, <c>Exclusive</c>) and the phone that rings for voice
/// offers (<see cref="AgentPhone"/>; left out: none).
/// </summary>
public sealed record AgentRequest(
    [property: Required] Guid UserId,
    [property: StringLength(256)] string? DisplayName,
    [property: StringLength(32), RegularExpression("^[0-9*#+]+$")] string? Extension,
    [property: MaxLength(50)] IReadOnlyList<AgentSkillLevel>? Skills,
    IReadOnlyDictionary<string, int>? Capacities,
    string? CrossChannelRule,
    AgentPhone? Phone = null);
