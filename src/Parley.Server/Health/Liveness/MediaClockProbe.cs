using Parley.Media;
using Parley.Media.Scheduling;

namespace Parley.Server.Health.Liveness;

/// <summary>
/// The media clock turns: a one-frame stream registered on it is served. A clock not started yet (it starts with the
/// first media session) has nothing to prove.
/// </summary>
internal sealed class MediaClockProbe(MediaEngine media) : ILivenessProbe
{
    public string Loop => "media-clock";

    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        if (!media.Clock.IsRunning)
        {
            return;
        }

        var served = new OneFrame();
        using var registration = media.Clock.Register(served);
        await served.Served.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed class OneFrame : IPacedStream
    {
        private readonly TaskCompletionSource _served = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Served => _served.Task;

        public void OnFrame(in MediaTick tick) => _served.TrySetResult();
    }
}
