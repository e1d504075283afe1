using Parley.Media.Dtmf;

namespace Parley.Media.Tests.Dtmf;

public sealed class DtmfRelayTests
{
    [Theory]
    [InlineData("Signal=5\r\nDuration=160", '5', 160)]
    [InlineData("Signal=5\r\nDuration=160\r\n", '5', 160)]
    [InlineData("signal= #\nduration = 100\n", '#', 100)]
    [InlineData("Signal=*", '*', 250)]
    [InlineData("Signal=11\r\nDuration=80", '#', 80)]
    [InlineData("Signal=10", '*', 250)]
    [InlineData("Signal=d\r\nDuration=200", 'D', 200)]
    public void Parse_ValidBody_GivesDigitAndDuration(string body, char digit, int ms)
    {
        Assert.True(DtmfRelay.TryParse(body, out var parsed));

        Assert.Equal(new DtmfDigit(digit, TimeSpan.FromMilliseconds(ms)), parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Duration=160")]
    [InlineData("Signal=x")]
    [InlineData("Signal=5\r\nDuration=abc")]
    [InlineData("Signal=5\r\nDuration=-1")]
    [InlineData("Signal=99")]
    public void Parse_InvalidBody_ReturnsFalse(string body) =>
        Assert.False(DtmfRelay.TryParse(body, out _));

    [Fact]
    public void Format_ThenParse_RoundTrips()
    {
        var digit = new DtmfDigit('7', TimeSpan.FromMilliseconds(120));

        Assert.True(DtmfRelay.TryParse(DtmfRelay.Format(digit), out var parsed));

        Assert.Equal(digit, parsed);
    }
}
