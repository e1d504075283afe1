using Parley.Voice.Ivr;

namespace Parley.Voice.Tests.Ivr;

public sealed class SpokenNumberTests
{
    [Theory]
    [InlineData(0, "zero")]
    [InlineData(1, "one")]
    [InlineData(13, "thirteen")]
    [InlineData(20, "twenty")]
    [InlineData(47, "forty seven")]
    [InlineData(100, "one hundred")]
    [InlineData(115, "one hundred|fifteen")]
    [InlineData(999, "nine hundred|ninety nine")]
    [InlineData(1000, "one|thousand")]
    [InlineData(1234, "one|thousand|two hundred|thirty four")]
    [InlineData(21000, "twenty one|thousand")]
    [InlineData(999999, "nine hundred|ninety nine|thousand|nine hundred|ninety nine")]
    [InlineData(1000000, "1000000")]
    public void ANumber_IsSpokenInRecurringPhrases(int number, string expected) =>
        Assert.Equal(expected.Split('|'), SpokenNumber.Phrases(number));
}
