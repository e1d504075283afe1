using Parley.Media.Scheduling;

namespace Parley.Media.Tests.Scheduling;

internal sealed class RecordingStream(TimeProvider time) : IPacedStream
{
    public List<(MediaTick Tick, long ServedAt)> Ticks { get; } = [];

    public Action? OnServed { get; set; }

    public void OnFrame(in MediaTick tick)
    {
        Ticks.Add((tick, time.GetTimestamp()));
        OnServed?.Invoke();
    }
}
