using Microsoft.Extensions.Logging;

namespace Parley.Media.Scheduling;

/// <summary>
/// One lane of the <see cref="MediaClock"/>: its own phase slots and its own thread, sharing the clock's deadline
/// origin. A stream stays in its lane, so it is always called from the same thread.
/// </summary>
internal sealed class MediaClockLane
{
    private readonly MediaClock _clock;
    private readonly IPacedStream[][] _slots;
    private readonly long[] _lastFrame;
    private long _nextSlot;

    public MediaClockLane(MediaClock clock, int slotsPerFrame)
    {
        _clock = clock;
        _slots = new IPacedStream[slotsPerFrame][];
        _lastFrame = new long[slotsPerFrame];
        for (var i = 0; i < slotsPerFrame; i++)
        {
            _slots[i] = [];
            _lastFrame[i] = -1;
        }
    }

    public long FramesServed { get; private set; }

    public long Overruns { get; private set; }

    public ClockThreadPriority AppliedPriority { get; set; }

    public long NextDue => _clock.Due(_nextSlot);

    public int SlotLength(int slot) => _slots[slot].Length;

    public void Add(int slot, IPacedStream stream)
    {
        var current = _slots[slot];
        var next = new IPacedStream[current.Length + 1];
        current.CopyTo(next, 0);
        next[^1] = stream;
        Volatile.Write(ref _slots[slot], next);
    }

    public bool Remove(int slot, IPacedStream stream)
    {
        var current = _slots[slot];
        var index = Array.IndexOf(current, stream);
        if (index < 0)
        {
            return false;
        }

        var next = new IPacedStream[current.Length - 1];
        Array.Copy(current, 0, next, 0, index);
        Array.Copy(current, index + 1, next, index, current.Length - index - 1);
        Volatile.Write(ref _slots[slot], next);
        return true;
    }

    public int RunDue(long now)
    {
        var behind = now - _clock.Due(_nextSlot);
        if (behind > _clock.MaxCatchUpTicks)
        {
            var target = (now - _clock.Origin) / _clock.SlotTicks;
            Overruns++;
            _clock.Logger.ClockOverrun(behind * _clock.MicrosPerTick / 1000.0, target - _nextSlot);
            _nextSlot = target;
        }

        var served = 0;
        while (_clock.Due(_nextSlot) <= now)
        {
            Serve(_nextSlot);
            _nextSlot++;
            served++;
        }

        return served;
    }

    private void Serve(long globalSlot)
    {
        var slot = (int)(globalSlot % _slots.Length);
        var frame = globalSlot / _slots.Length;
        var due = _clock.Due(globalSlot);
        var skipped = _lastFrame[slot] < 0 ? 0 : (int)Math.Min(int.MaxValue, frame - _lastFrame[slot] - 1);
        _lastFrame[slot] = frame;
        var streams = Volatile.Read(ref _slots[slot]);
        var tick = new MediaTick(frame, due, skipped);
        var time = _clock.Time;
        for (var i = 0; i < streams.Length; i++)
        {
            try
            {
                streams[i].OnFrame(tick);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _clock.Logger.StreamFailed(frame, ex);
            }

            _clock.SendJitter.RecordMicros((long)((time.GetTimestamp() - due) * _clock.MicrosPerTick));
        }

        FramesServed += streams.Length;
    }
}
