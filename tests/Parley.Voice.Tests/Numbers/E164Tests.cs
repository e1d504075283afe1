using Parley.Voice.Numbers;

namespace Parley.Voice.Tests.Numbers;

public sealed class E164Tests
{
    private static readonly NumberingRule NorthAmerica = new("1", "1", "011");
    private static readonly NumberingRule UnitedKingdom = new("44", "0", "00");

    [Theory]
    [InlineData("+15551234567", "+15551234567")]
    [InlineData("tel:+1-555-123-4567", "+15551234567")]
    [InlineData("tel:+1-555-123-4567;phone-context=example.com", "+15551234567")]
    [InlineData(" +1 (555) 123.4567 ", "+15551234567")]
    [InlineData("15550100", "+15550100")]
    [InlineData("+861012345678", "+861012345678")]
    public void TryNormalise_WithoutARule_TakesDigitsAsInternational(string written, string expected)
    {
        Assert.True(E164.TryNormalise(written, NumberingRule.None, out var e164));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("5551234567", "+15551234567")]
    [InlineData("(555) 123-4567", "+15551234567")]
    [InlineData("1 555 123 4567", "+15551234567")]
    [InlineData("011 44 20 7946 0000", "+442079460000")]
    [InlineData("+44 20 7946 0000", "+442079460000")]
    public void TryNormalise_WithCountryOne_AddsTheCountryCodeToNationalNumbers(string written, string expected)
    {
        Assert.True(E164.TryNormalise(written, NorthAmerica, out var e164));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("020 7946 0000", "+442079460000")]
    [InlineData("0044 20 7946 0000", "+442079460000")]
    public void TryNormalise_WithCountry44_DropsTheNationalPrefix(string written, string expected)
    {
        Assert.True(E164.TryNormalise(written, UnitedKingdom, out var e164));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("")]
    [InlineData("agent2")]
    [InlineData("4242")]
    [InlineData("+1234567")]
    [InlineData("+1234567890123456")]
    [InlineData("+0123456789")]
    [InlineData("+1555++1234567")]
    [InlineData("555-CALL-NOW")]
    [InlineData("1555#1234567")]
    public void TryNormalise_RefusesWhatIsNotAnE164Number(string written)
    {
        Assert.False(E164.TryNormalise(written, NumberingRule.None, out var e164));
        Assert.Equal(string.Empty, e164);
    }

    [Theory]
    [InlineData("+15550100", true)]
    [InlineData("+155501001234567", true)]
    [InlineData("15550100", false)]
    [InlineData("+1 5550100", false)]
    [InlineData("+05550100", false)]
    [InlineData(null, false)]
    public void IsValid_AcceptsOnlyTheNormalisedForm(string? number, bool valid) => Assert.Equal(valid, E164.IsValid(number));

    [Theory]
    [InlineData("+1 (555) 765-4321", "+15557654321")]
    [InlineData("tel:+44-20-7946-0000", "+442079460000")]
    [InlineData("  +4930123456 ", "+4930123456")]
    public void TryParseInternational_TakesWhatAPersonWritesWithItsPlus(string written, string expected)
    {
        Assert.True(E164.TryParseInternational(written, out var e164));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("5557654321")] // would otherwise become +5557654321, a Brazilian number
    [InlineData("tel:5557654321")]
    [InlineData("004930123456")]
    [InlineData("")]
    [InlineData("+12")]
    public void TryParseInternational_RefusesANumberWithoutItsCountry(string written)
    {
        Assert.False(E164.TryParseInternational(written, out var e164));
        Assert.Equal(string.Empty, e164);
    }
}
