using Parley.Server.Application.Calls;

namespace Parley.Server.Web.Workspace;

/// <summary>
/// A call control the agent chose: <c>hold</c>, <c>resume</c>, <c>mute</c>, <c>unmute</c>, <c>dtmf</c>, <c>hangup</c>,
/// <c>transfer</c>, <c>consult</c>, <c>consult-complete</c>, <c>consult-cancel</c>, <c>recording-pause</c> or <c>recording-resume</c>.
/// </summary>
public sealed record CallAction(string Kind, string? Digits = null, CallTransferRequest? To = null);
