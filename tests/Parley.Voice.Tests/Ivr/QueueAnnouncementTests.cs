using Parley.Voice.Ivr;

namespace Parley.Voice.Tests.Ivr;

public sealed class QueueAnnouncementTests
{
    [Theory]
    [InlineData(2, 180, "You are number 2 in the queue. Your estimated wait is about 3 minutes.")]
    [InlineData(1, 59, "You are number 1 in the queue. Your estimated wait is less than a minute.")]
    [InlineData(4, 70, "You are number 4 in the queue. Your estimated wait is about 1 minute.")]
    [InlineData(5, 150, "You are number 5 in the queue. Your estimated wait is about 3 minutes.")]
    public void TheAnnouncement_SaysPositionAndWaitInWholeMinutes(int position, int seconds, string expected) =>
        Assert.Equal(expected, QueueAnnouncement.For(new QueuePosition(position, TimeSpan.FromSeconds(seconds))));

    [Fact]
    public void WithoutAnEstimate_OnlyThePositionIsSpoken() =>
        Assert.Equal("You are number 3 in the queue.", QueueAnnouncement.For(new QueuePosition(3, null)));
}
