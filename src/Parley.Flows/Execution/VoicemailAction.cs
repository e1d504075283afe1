namespace Parley.Flows.Execution;

/// <summary>
/// Play <paramref name="Prompts"/>, beep, record the caller for at most <paramref name="MaxLength"/> (until <c>#</c> or
/// hang-up) and queue the message in <paramref name="Queue"/>; the host answers <see cref="VoicemailInput"/>.
/// </summary>
public sealed record VoicemailAction(IReadOnlyList<PlayPrompt> Prompts, string Queue, TimeSpan MaxLength) : FlowAction;
