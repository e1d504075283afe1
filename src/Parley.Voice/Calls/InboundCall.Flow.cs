using Parley.Flows.Execution;
using Parley.Flows.Json;
using Parley.Voice.Calls.Ports;

namespace Parley.Voice.Calls;

internal sealed partial class InboundCall
{
    /// <summary>
    /// Runs the number's published flow on the caller's media. Returns the queue the flow put the caller in, or null
    /// when the flow ended the call (the release cause is then on the record).
    /// </summary>
    private async Task<CallQueueResult?> RunFlowAsync(Guid flowId)
    {
        var flow = await _services.Flows.FindAsync(TenantId, flowId, _life.Token).ConfigureAwait(false);
        if (flow is null)
        {
            _record = _record with { ReleaseCause = "flow_not_published" };
            return null;
        }

        _record = _record with { FlowId = flow.FlowId, FlowVersion = flow.Version };
        var state = _services.Interpreter.Start(
            flow.FlowId.ToString(), flow.Document, new CallInfo(Id.ToString(), _record.CallerNumber, _record.CalledNumber, "voice", flow.TimeZone));
        CallQueueResult? queued = null;
        async ValueTask<FlowInput> TransferAsync(FlowAction action, CancellationToken cancellationToken)
        {
            if (action is not TransferToQueueAction toQueue)
            {
                // Transfers to one agent or to an outside number arrive with the trunk and call-control work.
                return new TransferFailedInput("not_supported");
            }

            var attributes = new Dictionary<string, string>(toQueue.Attributes, StringComparer.Ordinal);
            var result = await EnqueueAsync(toQueue.Queue, toQueue.Priority, attributes).ConfigureAwait(false);
            if (!result.Queued)
            {
                return new TransferFailedInput(result.Refusal ?? "refused");
            }

            queued = result;
            return FlowInput.PromptFinished;
        }

        var host = _services.FlowHosts.Create(new CallFlowContext(Session, TenantId, Id, TransferAsync));
        var runner = new FlowRunner(_services.Interpreter);
        try
        {
            var final = await runner.RunAsync(flow.Document, state, host, flow.Library, _life.Token).ConfigureAwait(false);
            if (final is HangUpAction hangUp)
            {
                _record = _record with { ReleaseCause = "flow_" + hangUp.Reason, Disposition = Records.CallDisposition.EndedByFlow, ReleasedBy = Records.CallParty.System };
            }
        }
        finally
        {
            _record = _record with { IvrExitAt = Now, FlowPathJson = FlowJson.SerializePath(state.Path) };
        }

        return queued;
    }
}
