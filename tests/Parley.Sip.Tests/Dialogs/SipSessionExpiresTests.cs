using Parley.Sip.Dialogs;

namespace Parley.Sip.Tests.Dialogs;

public sealed class SipSessionExpiresTests
{
    [Theory]
    [InlineData("1800", 1800, null)]
    [InlineData("90;refresher=uac", 90, "uac")]
    [InlineData(" 4000 ; Refresher = UAS ", 4000, "uas")]
    [InlineData("120;refresher=nobody;x=y", 120, null)]
    public void TryParse_ReadsTheIntervalAndTheRefresher(string value, int seconds, string? refresher)
    {
        Assert.True(SipSessionExpires.TryParse(value, out var parsed));
        Assert.Equal(new SipSessionExpires(seconds, refresher), parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("99999999999999")]
    public void TryParse_RefusesWhatIsNotAnInterval(string? value) => Assert.False(SipSessionExpires.TryParse(value, out _));

    [Fact]
    public void ToString_WritesTheRefresherOnlyWhenKnown()
    {
        Assert.Equal("1800", new SipSessionExpires(1800, null).ToString());
        Assert.Equal("90;refresher=uas", new SipSessionExpires(90, SipSessionExpires.Uas).ToString());
    }

    [Fact]
    public void Options_RefuseAMinimumBelowTheRfcFloorOrAnIntervalBelowTheMinimum()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SipSessionTimerOptions { MinimumSeconds = 60 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new SipSessionTimerOptions { IntervalSeconds = 100, MinimumSeconds = 120 }.Validate());
        new SipSessionTimerOptions { IntervalSeconds = 0 }.Validate();
    }
}
