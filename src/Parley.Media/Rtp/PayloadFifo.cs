namespace Parley.Media.Rtp;

/// <summary>
/// A bounded byte FIFO of G.711 samples (one byte per sample) between the receive thread and the clock thread. It
/// re-packetizes whatever ptime the peer uses into our 20 ms frames and bounds latency: when full, the oldest audio
/// is dropped. Guarded by a lock that is never contended for long.
/// </summary>
public sealed class PayloadFifo
{
    private readonly Lock _lock = new();
    private readonly byte[] _buffer;
    private int _head;
    private int _count;

    public PayloadFifo(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _buffer = new byte[capacity];
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    public long DroppedBytes { get; private set; }

    public void Write(ReadOnlySpan<byte> data)
    {
        lock (_lock)
        {
            if (data.Length > _buffer.Length)
            {
                DroppedBytes += data.Length - _buffer.Length;
                data = data[^_buffer.Length..];
            }

            var overflow = _count + data.Length - _buffer.Length;
            if (overflow > 0)
            {
                _head = (_head + overflow) % _buffer.Length;
                _count -= overflow;
                DroppedBytes += overflow;
            }

            var tail = (_head + _count) % _buffer.Length;
            var first = Math.Min(data.Length, _buffer.Length - tail);
            data[..first].CopyTo(_buffer.AsSpan(tail));
            data[first..].CopyTo(_buffer);
            _count += data.Length;
        }
    }

    /// <summary>Reads exactly <paramref name="destination"/>.Length bytes, or nothing if fewer are buffered.</summary>
    public bool TryRead(Span<byte> destination)
    {
        lock (_lock)
        {
            if (_count < destination.Length)
            {
                return false;
            }

            var first = Math.Min(destination.Length, _buffer.Length - _head);
            _buffer.AsSpan(_head, first).CopyTo(destination);
            _buffer.AsSpan(0, destination.Length - first).CopyTo(destination[first..]);
            _head = (_head + destination.Length) % _buffer.Length;
            _count -= destination.Length;
            return true;
        }
    }

    /// <summary>Drops the oldest <paramref name="count"/> bytes (or all there are); counted in <see cref="DroppedBytes"/>.</summary>
    public void Discard(int count)
    {
        lock (_lock)
        {
            count = Math.Clamp(count, 0, _count);
            _head = (_head + count) % _buffer.Length;
            _count -= count;
            DroppedBytes += count;
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _head = 0;
            _count = 0;
        }
    }
}
