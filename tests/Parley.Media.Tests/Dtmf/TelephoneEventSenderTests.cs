using Parley.Media.Dtmf;

namespace Parley.Media.Tests.Dtmf;

public sealed class TelephoneEventSenderTests
{
    [Fact]
    public void Digit_ProducesStartContinuationAndThreeEndPackets()
    {
        var sender = new TelephoneEventSender(samplesPerFrame: 160, digitDurationMs: 100);
        sender.Enqueue('#');
        var payload = new byte[4];
        var train = new List<(TelephoneEvent Event, bool Start)>();

        while (sender.TryWriteNext(payload, out var start, out _))
        {
            TelephoneEvent.TryParse(payload, out var ev);
            train.Add((ev, start));
        }

        Assert.Equal(8, train.Count);
        Assert.True(train[0].Start);
        Assert.All(train.Skip(1), p => Assert.False(p.Start));
        Assert.Equal([160, 320, 480, 640, 800, 800, 800, 800], train.Select(p => (int)p.Event.Duration));
        Assert.Equal([false, false, false, false, false, true, true, true], train.Select(p => p.Event.End));
        Assert.All(train, p => Assert.Equal(11, p.Event.Event));
        Assert.False(sender.IsBusy);
    }

    [Fact]
    public void TwoDigits_AreSeparatedByOneSilentFrame()
    {
        var sender = new TelephoneEventSender(digitDurationMs: 40);
        sender.Enqueue('1');
        sender.Enqueue('2');
        var payload = new byte[4];
        var frames = new List<bool>();

        for (var i = 0; i < 13; i++)
        {
            frames.Add(sender.TryWriteNext(payload, out _, out _));
        }

        Assert.Equal([true, true, true, true, true, false, true, true, true, true, true, false, false], frames);
    }

    [Fact]
    public void Enqueue_NotADigit_IsRefused() =>
        Assert.False(new TelephoneEventSender().Enqueue('x'));

    [Fact]
    public void SenderAndReceiver_AgreeOnTheDigits()
    {
        var sender = new TelephoneEventSender();
        var digits = new List<DtmfDigit>();
        var receiver = new TelephoneEventReceiver(digits.Add);
        foreach (var c in "159*#A")
        {
            sender.Enqueue(c);
        }

        var payload = new byte[4];
        uint clock = 0;
        uint eventTimestamp = 0;
        for (var frame = 0; frame < 100; frame++, clock += 160)
        {
            if (sender.TryWriteNext(payload, out var start, out _))
            {
                eventTimestamp = start ? clock : eventTimestamp;
                receiver.Process(eventTimestamp, payload);
            }
        }

        Assert.Equal("159*#A", new string([.. digits.Select(d => d.Digit)]));
    }
}
