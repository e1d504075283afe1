using Parley.Sip.Dialogs;

namespace Parley.Sip.Tests.Dialogs;

public sealed class SipReplacesTests
{
    [Theory]
    [InlineData("98732@sip.example.com;from-tag=r33th4x0r;to-tag=ff87ff", "98732@sip.example.com", "ff87ff", "r33th4x0r", false)]
    [InlineData("abc ; To-Tag = 1 ; FROM-TAG=2 ; early-only", "abc", "1", "2", true)]
    [InlineData("abc;to-tag=1;from-tag=2;x=y", "abc", "1", "2", false)]
    public void TryParse_ReadsTheDialogAndTheEarlyOnlyFlag(string value, string callId, string toTag, string fromTag, bool earlyOnly)
    {
        Assert.True(SipReplaces.TryParse(value, out var parsed));
        Assert.Equal(new SipReplaces(callId, toTag, fromTag, earlyOnly), parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(";to-tag=1;from-tag=2")]
    [InlineData("abc;to-tag=1")]
    [InlineData("abc;from-tag=2")]
    [InlineData("abc;to-tag=;from-tag=2")]
    [InlineData("abc;to-tag=1;to-tag=3;from-tag=2")]
    public void TryParse_RefusesAValueThatCannotNameOneDialog(string? value) => Assert.False(SipReplaces.TryParse(value, out _));

    [Fact]
    public void TryFindInReferTo_UnescapesTheReplacesOfTheUri()
    {
        Assert.True(SipReplaces.TryFindInReferTo("<sip:+15551234567@parley.example?Replaces=c1%40host%3Bto-tag%3Dab%3Bfrom-tag%3Dcd>", out var replaces));
        Assert.Equal(new SipReplaces("c1@host", "ab", "cd", false), replaces);
        Assert.True(SipReplaces.TryFindInReferTo("<sip:x@h?Subject=hi&replaces=c2%3Bfrom-tag%3D1%3Bto-tag%3D2>;method=INVITE", out replaces));
        Assert.Equal(new SipReplaces("c2", "2", "1", false), replaces);
    }

    [Fact]
    public void TryFindInReferTo_TellsNoneFromMalformed()
    {
        Assert.False(SipReplaces.TryFindInReferTo("<sip:+15551234567@parley.example>", out var replaces));
        Assert.Null(replaces);
        Assert.True(SipReplaces.TryFindInReferTo("<sip:x@h?Replaces=c1%3Bto-tag%3Dab>", out replaces));
        Assert.Null(replaces);
    }
}
