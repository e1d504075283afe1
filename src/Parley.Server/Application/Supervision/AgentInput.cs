namespace Parley.Server.Application.Supervision;

/// <summary>
/// An agent's configuration as the calculator needs it: skills as shown (name and proficiency), capacity per channel and, for
/// an agent who takes voice, whether a call can ring their phone now (null: takes no voice, or not known to be unreachable).
/// </summary>
public sealed record AgentInput(Guid Id, string Name, IReadOnlyList<string> Skills, IReadOnlyDictionary<string, int> Capacities, VoicePhone? Phone = null)
{
    /// <summary>A call can be put through to the agent: only such an agent counts for voice (online, available).</summary>
    public bool CanRing => Phone is not (VoicePhone.Offline or VoicePhone.None);
}
