using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Parley.Media.Scheduling;

namespace Parley.Media.Rtp;

/// <summary>
/// Receives on every RTP/RTCP socket of the engine from one thread: <c>epoll_wait</c> for readiness, then
/// one non-blocking <c>recvfrom</c> per ready socket into one pinned buffer (level-triggered: a socket with more
/// queued is reported again by the next wait, which saves the EAGAIN call that draining costs when, as usual, one
/// packet is waiting). Compared with one async receive
/// loop per socket this costs no thread-pool dispatch per packet, and its thread can be given a higher priority, so a
/// busy machine delays RTP less. Linux x64 only (<see cref="IsSupported"/>); elsewhere endpoints use async loops.
/// </summary>
public sealed unsafe class EpollReceiveHost : IDisposable
{
    private const int MaxEvents = 256;
    private const int MaxPerSocketPerWake = 1;
    private readonly Lock _lock = new();
    private readonly int _epoll;
    private readonly Thread _thread;
    private readonly ILogger _logger;
    private readonly ClockThreadPriority _wantedPriority;
    private Entry?[] _entries = new Entry?[1024];
    private readonly Stack<int> _free = new();
    private int _nextIndex;
    private long _current = -1;
    private volatile bool _stopping;

    public EpollReceiveHost(ClockThreadPriority priority = ClockThreadPriority.High, ILogger? logger = null)
    {
        if (!IsSupported)
        {
            throw new PlatformNotSupportedException("The epoll receive host needs Linux on x64.");
        }

        _epoll = EpollNative.EpollCreate1(0);
        if (_epoll < 0)
        {
            throw new SocketException(Marshal.GetLastPInvokeError());
        }

        _logger = logger ?? NullLogger.Instance;
        _wantedPriority = priority;
        _thread = new Thread(Run) { IsBackground = true, Name = "Parley RTP receive" };
        _thread.Start();
    }

    public static bool IsSupported => EpollNative.IsSupported;

    public long PacketsReceived { get; private set; }

    public ClockThreadPriority AppliedPriority { get; private set; }

    /// <summary>Starts delivering datagrams of <paramref name="socket"/> to <paramref name="handler"/> (on the host thread).</summary>
    public long Add(Socket socket, DatagramHandler handler)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(handler);
        var fd = (int)socket.Handle;
        lock (_lock)
        {
            var index = _free.Count > 0 ? _free.Pop() : _nextIndex++;
            if (index >= _entries.Length)
            {
                var grown = new Entry?[_entries.Length * 2];
                _entries.CopyTo(grown, 0);
                Volatile.Write(ref _entries, grown);
            }

            var generation = (_entries[index]?.Generation ?? 0) + 1;
            var token = ((long)generation << 32) | (uint)index;
            _entries[index] = new Entry(fd, handler, generation, socket.AddressFamily);
            var ev = new EpollNative.EpollEvent { Events = EpollNative.EpollIn, Data = (ulong)token };
            if (EpollNative.EpollCtl(_epoll, EpollNative.EpollCtlAdd, fd, &ev) != 0)
            {
                _entries[index] = null;
                _free.Push(index);
                throw new SocketException(Marshal.GetLastPInvokeError());
            }

            return token;
        }
    }

    /// <summary>Stops delivery; when it returns, the handler is not running and will not run again.</summary>
    public void Remove(long token)
    {
        if (token < 0)
        {
            return;
        }

        var index = (int)(uint)token;
        lock (_lock)
        {
            var entry = _entries[index];
            if (entry is null || entry.Generation != (int)(token >> 32))
            {
                return;
            }

            EpollNative.EpollCtl(_epoll, EpollNative.EpollCtlDel, entry.Fd, null);
            _entries[index] = entry with { Removed = true };
            _free.Push(index);
        }

        var spin = new SpinWait();
        while (Volatile.Read(ref _current) == token && Thread.CurrentThread != _thread)
        {
            spin.SpinOnce();
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
        EpollNative.Close(_epoll);
    }

    private void Run()
    {
        AppliedPriority = ThreadPriorityNative.TryApplyToCurrentThread(_wantedPriority);
        var events = stackalloc EpollNative.EpollEvent[MaxEvents];
        var buffer = GC.AllocateUninitializedArray<byte>(RtpEndpoint.MaxDatagram, pinned: true);
        var v4 = new SocketAddress(AddressFamily.InterNetwork);
        var v6 = new SocketAddress(AddressFamily.InterNetworkV6);
        while (!_stopping)
        {
            var n = EpollNative.EpollWait(_epoll, events, MaxEvents, 100);
            if (n < 0)
            {
                if (Marshal.GetLastPInvokeError() == EpollNative.EIntr)
                {
                    continue;
                }

                return;
            }

            var entries = Volatile.Read(ref _entries);
            for (var i = 0; i < n; i++)
            {
                var token = (long)events[i].Data;
                var index = (int)(uint)token;
                Volatile.Write(ref _current, token);
                var entry = index < entries.Length ? Volatile.Read(ref entries[index]) : null;
                if (entry is not null && !entry.Removed && entry.Generation == (int)(token >> 32))
                {
                    Drain(entry, buffer, entry.Family == AddressFamily.InterNetworkV6 ? v6 : v4);
                }

                Volatile.Write(ref _current, -1);
            }
        }
    }

    private void Drain(Entry entry, byte[] buffer, SocketAddress source)
    {
        for (var k = 0; k < MaxPerSocketPerWake; k++)
        {
            int received;
            var addressLength = source.Buffer.Length;
            fixed (byte* data = buffer)
            fixed (byte* address = source.Buffer.Span)
            {
                received = (int)EpollNative.RecvFrom(entry.Fd, data, (nuint)buffer.Length, EpollNative.MsgDontWait, address, &addressLength);
            }

            if (received < 0)
            {
                // EAGAIN: drained. ECONNREFUSED (an ICMP from an earlier send) and others: try again on the next wake.
                return;
            }

            source.Size = addressLength;
            PacketsReceived++;
            try
            {
                entry.Handler(buffer.AsSpan(0, received), source);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _logger.HandlerFailed(ex);
            }
        }
    }

    private sealed record Entry(int Fd, DatagramHandler Handler, int Generation, AddressFamily Family)
    {
        public bool Removed { get; init; }
    }
}
