using Parley.Voice.Ivr;

namespace Parley.Voice.Tests.Ivr;

public sealed class QueueAnnouncementTests
{
    [Theory]
    [InlineData(2, 180, "You are number two in the queue. Your estimated wait is about three minutes.")]
    [InlineData(1, 59, "You are number one in the queue. Your estimated wait is less than a minute.")]
    [InlineData(4, 70, "You are number four in the queue. Your estimated wait is about one minute.")]
    [InlineData(5, 150, "You are number five in the queue. Your estimated wait is about three minutes.")]
    [InlineData(123, 2520, "You are number one hundred twenty three in the queue. Your estimated wait is about forty two minutes.")]
    [InlineData(7, 6300, "You are number seven in the queue. Your estimated wait is about one hundred five minutes.")]
    public void TheAnnouncement_SaysPositionAndWaitInWholeMinutes(int position, int seconds, string expected) =>
        Assert.Equal(expected, Spoken(new QueuePosition(position, TimeSpan.FromSeconds(seconds))));

    [Fact]
    public void WithoutAnEstimate_OnlyThePositionIsSpoken() =>
        Assert.Equal("You are number three in the queue.", Spoken(new QueuePosition(3, null)));

    [Fact]
    public void ThePositionIsItsOwnPhrase_BetweenWordsThatNeverChange() =>
        Assert.Equal(
            ["You are number", "three hundred", "eleven", "in the queue.", "Your estimated wait is", "about twelve minutes."],
            QueueAnnouncement.Phrases(new QueuePosition(311, TimeSpan.FromMinutes(12))));

    [Fact]
    public void EveryPositionUpToTwoThousand_AndEveryWaitUpToTwoHours_IsSpokenFromFewerThan250Phrases()
    {
        var phrases = new HashSet<string>();
        for (var position = 1; position <= 2000; position++)
        {
            phrases.UnionWith(QueueAnnouncement.Phrases(new QueuePosition(position, null)));
        }

        for (var seconds = 0; seconds <= 7200; seconds += 15)
        {
            phrases.UnionWith(QueueAnnouncement.Phrases(new QueuePosition(1, TimeSpan.FromSeconds(seconds))));
        }

        Assert.InRange(phrases.Count, 100, 250); // one sentence each would be 2,000 + 481 renders
    }

    private static string Spoken(QueuePosition position) => string.Join(' ', QueueAnnouncement.Phrases(position));
}
