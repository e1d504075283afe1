using Parley.Flows.Execution;
using Parley.Voice.Calls.Ports;
using Parley.Voice.Numbers;

namespace Parley.Voice.Calls;

internal sealed partial class InboundCall
{
    /// <summary>
    /// A flow's <c>offerCallback</c>: queues a callback to the number with the caller's place (when they queued before, a
    /// breakout keeps that time) and lets the call end; the flow hears a failed transfer when that is impossible.
    /// </summary>
    private async Task<FlowInput> RequestCallbackAsync(OfferCallbackAction action)
    {
        if (_services.Owner.Callbacks is not { } callbacks)
        {
            return new TransferFailedInput("not_supported");
        }

        if (!E164.TryNormalise(action.Number, NumberingRule.None, out var number))
        {
            return new TransferFailedInput("invalid_number");
        }

        var result = await callbacks.RequestAsync(
            new CallbackRequest(TenantId, action.Queue, number, Id, _record.CalledNumber, _record.QueuedAt)
            {
                Mode = action.CustomerFirst ? CallbackMode.CustomerFirst : CallbackMode.Preview,
            },
            _life.Token).ConfigureAwait(false);
        return result.Queued ? FlowInput.PromptFinished : new TransferFailedInput(result.Refusal ?? "refused");
    }
}
