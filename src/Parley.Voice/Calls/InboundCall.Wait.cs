using Microsoft.Extensions.Logging;
using Parley.Voice.Ivr;
using Parley.Voice.Queues;

namespace Parley.Voice.Calls;

internal sealed partial class InboundCall
{
    private QueueWaitSettings? _waitSettings;
    private CancellationTokenSource? _waitStop;
    private Task? _waiting;

    /// <summary>Music on hold with position and estimated-wait announcements, while routing looks for an agent.</summary>
    private async Task StartWaitingAsync()
    {
        var queue = _queue?.QueueId is { } queueId ? await _services.Waiting.GetAsync(TenantId, queueId, _life.Token).ConfigureAwait(false) : null;
        queue ??= QueueCallerSettings.Default;
        _queueRecordingPercent = queue.RecordingPercent;
        _waitSettings = new QueueWaitSettings
        {
            Announcements = queue.AnnouncementInterval is { } every && every > TimeSpan.Zero,
            AnnouncementInterval = queue.AnnouncementInterval is { } interval && interval > TimeSpan.Zero ? interval : TimeSpan.FromSeconds(30),
            BreakoutDigit = queue.BreakoutDigit,
            BreakoutFlowId = queue.BreakoutFlowId,
            MusicOnHoldPromptId = queue.MusicOnHoldPromptId,
        };
        _waitStop = CancellationTokenSource.CreateLinkedTokenSource(_life.Token);
        var interactionId = InteractionId;
        var player = new QueueWaitPlayer(
            Session, TenantId, _services.Audio, _waitSettings,
            cancellationToken => _services.Routing.GetPositionAsync(TenantId, interactionId, cancellationToken),
            _services.Time, _services.Loggers.CreateLogger<QueueWaitPlayer>());
        _waiting = WaitAsync(player, _waitStop.Token);
    }

    private async Task WaitAsync(QueueWaitPlayer player, CancellationToken cancellationToken)
    {
        try
        {
            if (await player.RunAsync(cancellationToken).ConfigureAwait(false) == QueueWaitOutcome.Breakout)
            {
                Post(new CallSignal.BrokeOut());
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            CallLog.MusicUnavailable(_services.Logger, Id, ex);
        }
    }

    private async Task StopWaitingAsync()
    {
        if (_waitStop is null)
        {
            return;
        }

        await _waitStop.CancelAsync().ConfigureAwait(false);
        await _waiting!.ConfigureAwait(false);
        _waitStop.Dispose();
        _waitStop = null;
        _waiting = null;
    }

    /// <summary>The caller pressed the breakout key: out of the queue (counted as abandoned there) and on to the chosen flow.</summary>
    private async Task LeaveQueueAsync()
    {
        await StopWaitingAsync().ConfigureAwait(false);
        await StopRingingAsync().ConfigureAwait(false);
        await _services.Routing.AbandonAsync(TenantId, InteractionId).ConfigureAwait(false);
        await _services.Routing.ForgetAsync(TenantId, InteractionId).ConfigureAwait(false);
        _queue = null;
    }
}
