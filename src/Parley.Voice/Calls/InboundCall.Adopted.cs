using Parley.Voice.Calls.Ports;
using Parley.Voice.Records;

namespace Parley.Voice.Calls;

/// <summary>
/// A call an agent placed (click to dial, an internal call, a callback), taken over once both sides answered
/// (<see cref="InboundCalls.Adopt"/>): it starts here already bridged, the called party as the customer and the calling
/// agent as the call's agent, so hold, transfer, consult transfer, conference, monitoring and recording are the same code
/// as for calls to a number. The customer hanging up is <c>far_end_hangup</c> by <see cref="CallParty.External"/>, as it
/// was on the placed call.
/// </summary>
internal sealed partial class InboundCall
{
    private AgentLeg? _adoptedAgent;
    private Action? _onAdoptedBridged;

    /// <summary>Who the customer is in the call record: the caller of a number, the called party of a placed call.</summary>
    private CallParty CustomerParty { get; set; } = CallParty.Caller;

    /// <summary>The release cause when the customer hangs up.</summary>
    public string CustomerHangUpCause => CustomerParty == CallParty.Caller ? "caller_hangup" : "far_end_hangup";

    /// <summary>
    /// Starts the call already connected: <paramref name="customer"/> (this call's <see cref="Dialog"/> and
    /// <see cref="Session"/>) with <paramref name="agent"/>, who holds the record's interaction (its queue
    /// <paramref name="queueId"/> is where a transfer to an agent looks for them). <paramref name="record"/> is the placed
    /// call's choice of recording, kept for every later bridge. <paramref name="onBridged"/> is called once the two talk.
    /// </summary>
    public void StartAdopted(AgentLeg customer, AgentLeg agent, Guid? queueId, bool record, Action onBridged)
    {
        _onAdoptedBridged = onBridged;
        CustomerParty = CallParty.External;
        _legs.Add(customer);
        _legs.Add(agent);
        _adoptedAgent = agent;
        InteractionId = _record.InteractionId!.Value;
        _queue = new CallQueueResult(queueId ?? Guid.Empty, null, null);
        _flowRecordChoice = record;
        Completion = Task.Run(() => RunAsync(null, Numbers.InboundTargetKind.None, adopted: true));
    }

    /// <summary>In the mailbox, first thing: the customer and the agent talk, as after an agent answered an offer.</summary>
    private async Task BridgeAdoptedAsync()
    {
        _agent = _adoptedAgent!;
        _bridge = AudioBridge.Connect(Session, _agent.Session);
        AttachRecorder();
        Publish();
        CallLog.Bridged(_services.Logger, Id, _agent.AgentId);
        await SaveLegAsync(_agent).ConfigureAwait(false);
        _onAdoptedBridged?.Invoke();
    }
}
