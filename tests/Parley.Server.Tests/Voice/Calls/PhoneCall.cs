using System.Collections.Concurrent;
using Parley.Media;
using Parley.Media.Audio;
using Parley.Media.Codecs;
using Parley.Sip.Dialogs;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>One call of a <see cref="TestPhone"/>: what it heard (loud frames, tones by frequency, digits) and when it ended.</summary>
internal sealed class PhoneCall : IAsyncDisposable
{
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<char> _digits = new();
    private readonly ConcurrentQueue<int> _referNotifies = new();
    private readonly double[] _watched = [440, 1000, 1700];
    private readonly int[] _toneFrames = new int[3];
    private readonly int[] _presentFrames = new int[3];
    private int _loudFrames;

    public PhoneCall(SipDialog? dialog, MediaSession? session, string? fromDisplayName)
    {
        Dialog = dialog;
        Session = session;
        FromDisplayName = fromDisplayName;
        if (session is not null)
        {
            session.AudioReceived = (s, in header, payload) => Listen(s, payload);
            session.DigitReceived += (_, digit) => _digits.Enqueue(digit.Digit);
        }
    }

    public SipDialog? Dialog { get; }

    public MediaSession? Session { get; }

    public string? FromDisplayName { get; }

    public Task Ended => _ended.Task;

    public int LoudFrames => Volatile.Read(ref _loudFrames);

    public string Digits => string.Concat(_digits);

    /// <summary>The sipfrag status lines' codes of the REFER NOTIFYs this call received, in order.</summary>
    public IReadOnlyList<int> ReferNotifies => [.. _referNotifies];

    public void AddReferNotify(int status) => _referNotifies.Enqueue(status);

    /// <summary>Frames whose strongest watched tone was <paramref name="hz"/> (440, 1000 or 1700).</summary>
    public int FramesOf(double hz) => Volatile.Read(ref _toneFrames[Array.IndexOf(_watched, hz)]);

    /// <summary>Frames in which <paramref name="hz"/> (440, 1000 or 1700) carried at least a fifth of the energy: a tone heard in a mix of several.</summary>
    public int FramesWith(double hz) => Volatile.Read(ref _presentFrames[Array.IndexOf(_watched, hz)]);

    public void PlayTone(double hz) => Session!.Play(new Tone(hz));

    public async Task HangUpAsync()
    {
        // RFC 3261 13.3.1.4: the callee sends no BYE before the ACK of its 2xx has arrived (or the transaction timed out).
        await WaitForAsync(() => Dialog!.State != Parley.Sip.Dialogs.SipDialogState.Early, TimeSpan.FromSeconds(32));
        await Dialog!.ByeAsync();
        MarkEnded();
    }

    public void MarkEnded() => _ended.TrySetResult();

    /// <summary>Waits for <paramref name="condition"/>; on time-out the message carries what the phone heard and <paramref name="explain"/> (e.g. the server's log).</summary>
    public async Task WaitUntilAsync(Func<PhoneCall, bool> condition, string what, TimeSpan? timeout = null, Func<string>? explain = null)
    {
        var deadline = TimeProvider.System.GetUtcNow() + (timeout ?? TimeSpan.FromSeconds(20));
        while (!condition(this))
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what} (loud frames {LoudFrames}, 440 Hz {FramesOf(440)}/{FramesWith(440)}, 1 kHz {FramesOf(1000)}/{FramesWith(1000)}, 1.7 kHz {FramesOf(1700)}/{FramesWith(1700)}, digits '{Digits}', ended {Ended.IsCompleted}).{explain?.Invoke()}");
            }

            await Task.Delay(50);
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (!condition() && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Session is not null)
        {
            await Session.DisposeAsync();
        }
    }

    private void Listen(MediaSession session, ReadOnlySpan<byte> payload)
    {
        if (session.Audio is not { } audio || payload.Length > 320)
        {
            return;
        }

        Span<short> pcm = stackalloc short[payload.Length];
        G711.Decode(audio.Codec, payload, pcm);
        double energy = 0;
        foreach (var s in pcm)
        {
            energy += (double)s * s;
        }

        if (Math.Sqrt(energy / pcm.Length) < 300)
        {
            return;
        }

        Interlocked.Increment(ref _loudFrames);
        var best = -1;
        var bestPower = 0.0;
        for (var i = 0; i < _watched.Length; i++)
        {
            var power = Goertzel(pcm, _watched[i]);
            if (power > 0.2 * energy * pcm.Length / 2)
            {
                Interlocked.Increment(ref _presentFrames[i]);
            }

            if (power > bestPower)
            {
                bestPower = power;
                best = i;
            }
        }

        // The tone must carry most of the frame's energy, or it is speech or music.
        if (best >= 0 && bestPower > 0.5 * energy * pcm.Length / 2)
        {
            Interlocked.Increment(ref _toneFrames[best]);
        }
    }

    private static double Goertzel(ReadOnlySpan<short> samples, double hz)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * hz / 8000);
        double s1 = 0, s2 = 0;
        foreach (var x in samples)
        {
            var s0 = x + (coefficient * s1) - s2;
            s2 = s1;
            s1 = s0;
        }

        return (s1 * s1) + (s2 * s2) - (coefficient * s1 * s2);
    }

    private sealed class Tone(double hz) : IAudioFrameSource
    {
        private long _n;

        public bool TryReadFrame(Span<short> frame)
        {
            for (var i = 0; i < frame.Length; i++)
            {
                frame[i] = (short)(8000 * Math.Sin(2 * Math.PI * hz * _n++ / 8000));
            }

            return true;
        }
    }
}
