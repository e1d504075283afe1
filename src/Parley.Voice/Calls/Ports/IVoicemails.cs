namespace Parley.Voice.Calls.Ports;

/// <summary>Voicemail messages a flow recorded: each becomes an interaction waiting in its queue for an agent to play it.</summary>
public interface IVoicemails
{
    /// <summary>Queues the message as an interaction (channel Voice, attribute <c>kind=voicemail</c>); refused like a queue transfer.</summary>
    ValueTask<CallQueueResult> LeaveAsync(VoicemailRequest request, CancellationToken cancellationToken = default);
}
