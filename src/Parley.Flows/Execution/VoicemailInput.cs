namespace Parley.Flows.Execution;

/// <summary>
/// The host's answer to a <see cref="VoicemailAction"/>: <paramref name="Queued"/> when a message with sound became an
/// interaction; otherwise <paramref name="Reason"/> says why not (<c>empty</c>, an unknown queue, ...).
/// </summary>
public sealed record VoicemailInput(bool Queued, string? Reason = null) : FlowInput;
