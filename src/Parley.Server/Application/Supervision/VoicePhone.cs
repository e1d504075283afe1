namespace Parley.Server.Application.Supervision;

/// <summary>
/// Whether a call can ring an agent who takes voice (<c>AgentPhoneReach.CanRing</c>, the rule routing and the workspace's phone
/// line use): <see cref="Ready"/> (a fixed URI, or a device registered with their SIP account), <see cref="Offline"/> (their
/// SIP account has no device registered now) or <see cref="None"/> (no phone at all).
/// </summary>
public enum VoicePhone
{
    Ready = 0,
    Offline = 1,
    None = 2,
}
