using Parley.Media.Dtmf;

namespace Parley.Media.Tests.Dtmf;

public sealed class TelephoneEventReceiverTests
{
    private readonly List<DtmfDigit> _digits = [];

    private static byte[] Payload(byte ev, bool end, ushort duration)
    {
        var b = new byte[4];
        new TelephoneEvent(ev, end, 10, duration).Write(b);
        return b;
    }

    [Fact]
    public void EventWithTripleEnd_IsReportedOnce()
    {
        var receiver = new TelephoneEventReceiver(_digits.Add);

        receiver.Process(1000, Payload(5, false, 160));
        receiver.Process(1000, Payload(5, false, 320));
        receiver.Process(1000, Payload(5, true, 800));
        receiver.Process(1000, Payload(5, true, 800));
        receiver.Process(1000, Payload(5, true, 800));

        var digit = Assert.Single(_digits);
        Assert.Equal('5', digit.Digit);
        Assert.Equal(TimeSpan.FromMilliseconds(100), digit.Duration);
    }

    [Fact]
    public void SameDigitTwice_WithDifferentTimestamps_IsReportedTwice()
    {
        var receiver = new TelephoneEventReceiver(_digits.Add);

        receiver.Process(1000, Payload(11, true, 800));
        receiver.Process(1000, Payload(11, true, 800));
        receiver.Process(3000, Payload(11, true, 800));

        Assert.Equal("##", new string([.. _digits.Select(d => d.Digit)]));
    }

    [Fact]
    public void EventWhoseEndPacketsWereLost_IsReportedWhenTheNextEventStarts()
    {
        var receiver = new TelephoneEventReceiver(_digits.Add);

        receiver.Process(1000, Payload(1, false, 480));
        receiver.Process(5000, Payload(2, false, 160));
        receiver.Flush();

        Assert.Equal("12", new string([.. _digits.Select(d => d.Digit)]));
    }

    [Fact]
    public void ShortPayload_IsIgnored()
    {
        var receiver = new TelephoneEventReceiver(_digits.Add);

        receiver.Process(1000, [1, 2]);

        Assert.Empty(_digits);
    }
}
