namespace Parley.Voice.Calls.Control;

/// <summary>
/// A call command an agent's phone asked for and the call carried out (re-INVITE hold or resume, blind REFER): reported
/// like the same command from the API.
/// </summary>
public sealed record PhoneAction(Guid TenantId, Guid CallId, Guid AgentId, CallCommand Command, CallControlResult Result);
