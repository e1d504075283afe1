using Parley.Voice.Recording;

namespace Parley.Voice.Calls.Outbound;

/// <summary>
/// Recording of calls to outside numbers (click to dial and callbacks; internal calls between agents are not recorded):
/// by the platform's switch and the queue's policy, as for callers. The connected call the placed call becomes records
/// from the moment both sides answered until it closes (pause and resume from the API as on any call).
/// </summary>
internal sealed partial class OutboundCall
{
    /// <summary>Whether the call is recorded once both sides answered.</summary>
    private async Task<bool> ShouldRecordAsync()
    {
        if (_dial.Destination is not OutboundDestination.Number || !_services.Options.Record)
        {
            return false;
        }

        var percent = _dial.QueueId != Guid.Empty && _services.Queues is { } queues
            ? (await queues.GetAsync(TenantId, _dial.QueueId, CancellationToken.None).ConfigureAwait(false))?.RecordingPercent
            : null;
        return RecordingPolicy.ShouldRecord(true, null, percent, Id);
    }
}
