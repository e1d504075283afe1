using Parley.Flows.Execution;
using Parley.Flows.Json;
using Microsoft.Extensions.Logging;
using Parley.Voice.Calls.Ports;
using Parley.Voice.Ivr;

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
            if (action is OfferCallbackAction callback)
            {
                return await RequestCallbackAsync(callback).ConfigureAwait(false);
            }

            if (action is VoicemailAction voicemail)
            {
                return await LeaveVoicemailAsync(voicemail).ConfigureAwait(false);
            }

            if (action is TransferToNumberAction toNumber)
            {
                return await CallOutsideAsync(toNumber).ConfigureAwait(false);
            }

            if (action is not TransferToQueueAction toQueue)
            {
                // A transfer to one named agent arrives with agent call control.
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

        using var host = new VoiceFlowHost(
            Session, TenantId, _services.Audio, _services.Speech, _services.Http, TransferAsync, _services.Time, _services.Loggers.CreateLogger<VoiceFlowHost>());
        var runner = new FlowRunner(_services.Interpreter);
        try
        {
            var final = await runner.RunAsync(flow.Document, state, host, flow.Library, _life.Token).ConfigureAwait(false);
            if (final is OfferCallbackAction)
            {
                _record = _record with { ReleaseCause = "callback_requested", Disposition = Records.CallDisposition.EndedByFlow, ReleasedBy = Records.CallParty.System };
            }
            else if (final is HangUpAction && _voicemailAt is not null)
            {
                _record = _record with { ReleaseCause = "voicemail", Disposition = Records.CallDisposition.Voicemail, ReleasedBy = Records.CallParty.System };
            }
            else if (final is HangUpAction hangUp)
            {
                _record = _record with { ReleaseCause = "flow_" + hangUp.Reason, Disposition = Records.CallDisposition.EndedByFlow, ReleasedBy = Records.CallParty.System };
            }
        }
        catch (OperationCanceledException) when (_life.IsCancellationRequested)
        {
            // The caller hung up in the flow; a queue the flow already chose is left by the caller below.
        }
        finally
        {
            _record = _record with { IvrExitAt = _record.IvrExitAt ?? Now, FlowPathJson = FlowJson.SerializePath(state.Path) };
            _flowRecordChoice = state.Record ?? _flowRecordChoice;
        }

        return queued;
    }
}
