using Parley.Voice.Calls.Control;

namespace Parley.Server.Application.Calls;

/// <summary>What a carried-out call command is reported as (the same event whether the API, the workspace or the agent's phone asked).</summary>
internal static class CallActionEvent
{
    /// <summary>The event type a carried-out command is reported as, and what it adds to the event's data (never the keys sent).</summary>
    public static (string Type, IReadOnlyDictionary<string, object?>? Data) Of(CallCommand command, CallControlResult result) => command switch
    {
        CallCommand.Hold => ("call.held", null),
        CallCommand.Resume => ("call.resumed", null),
        CallCommand.Mute => ("call.muted", null),
        CallCommand.Unmute => ("call.unmuted", null),
        CallCommand.SendDigits d => ("call.digits-sent", new Dictionary<string, object?> { ["count"] = d.Digits.Length }),
        CallCommand.HangUp => ("call.ended", new Dictionary<string, object?> { ["by"] = "agent" }),
        CallCommand.Transfer t => ("call.transferred", new Dictionary<string, object?> { ["to"] = Describe(t.Target) }),
        CallCommand.AddParty a => ("call.party-added", new Dictionary<string, object?> { ["to"] = Describe(a.Target), ["legId"] = result.LegId }),
        CallCommand.RemoveParty r => ("call.party-removed", new Dictionary<string, object?> { ["legId"] = r.LegId }),
        CallCommand.Leave => ("call.agent-left", null),
        CallCommand.Consult c => ("call.consult-started", new Dictionary<string, object?> { ["to"] = Describe(c.Target), ["legId"] = result.LegId }),
        CallCommand.CompleteConsult => ("call.consult-completed", null),
        CallCommand.CancelConsult => ("call.consult-cancelled", null),
        _ => ("call.changed", null),
    };

    /// <summary>How a transfer, party or consultation target reads in an event.</summary>
    public static string Describe(CallTransferTarget target) => target switch
    {
        CallTransferTarget.Queue q => $"queue {q.QueueId}",
        CallTransferTarget.Agent a => $"agent {a.AgentId}",
        CallTransferTarget.Flow f => $"flow {f.FlowId}",
        CallTransferTarget.Number n => $"number {n.E164}",
        _ => "?",
    };
}
