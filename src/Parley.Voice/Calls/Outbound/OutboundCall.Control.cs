using Parley.Voice.Calls.Control;
using Parley.Voice.Records;

namespace Parley.Voice.Calls.Outbound;

internal sealed partial class OutboundCall
{
    /// <summary>
    /// Carries out the agent's command while the call is still ringing: hang up gives it up; everything else waits for the
    /// far end to answer (then the connected call takes the commands). True when the call is over.
    /// </summary>
    private Task<bool> ControlAsync(CallSignal.Control control)
    {
        if (control.AgentId != AgentId)
        {
            control.Done.TrySetResult(CallControlResult.NotFound);
            return Task.FromResult(false);
        }

        if (control.Command is not CallCommand.HangUp)
        {
            control.Done.TrySetResult(CallControlResult.NotConnected);
            return Task.FromResult(false);
        }

        Release("agent_hangup", CallParty.Agent, CallDisposition.NotAnswered);
        control.Done.TrySetResult(CallControlResult.Done);
        return Task.FromResult(true);
    }
}
