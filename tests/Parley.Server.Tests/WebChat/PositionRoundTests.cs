using Parley.Server.WebChat;

namespace Parley.Server.Tests.WebChat;

public sealed class PositionRoundTests
{
    private static ChatRoom[] Rooms(int count) => [.. Enumerable.Range(0, count).Select(_ => new ChatRoom(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()))];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(2000)]
    [InlineData(2013)]
    public void A_round_tells_every_waiting_chat_once_spread_over_the_slices(int count)
    {
        var rooms = Rooms(count);
        var round = new PositionRound();
        round.Start(rooms);

        var slices = new List<ChatRoom[]>();
        while (!round.IsOver)
        {
            slices.Add([.. round.NextSlice()]);
        }

        Assert.Equal(ChatPositionHeartbeat.Slices, slices.Count);
        Assert.Equal(rooms, slices.SelectMany(s => s));
        Assert.All(slices, s => Assert.InRange(s.Length, count / ChatPositionHeartbeat.Slices, (count / ChatPositionHeartbeat.Slices) + 1));
    }

    [Fact]
    public void Before_the_first_round_and_after_the_last_slice_there_is_nothing_to_tell()
    {
        var round = new PositionRound();
        Assert.True(round.IsOver);
        Assert.Equal(0, round.NextSlice().Count);

        round.Start(Rooms(3));
        for (var i = 0; i < ChatPositionHeartbeat.Slices; i++)
        {
            round.NextSlice();
        }

        Assert.True(round.IsOver);
        Assert.Equal(0, round.NextSlice().Count);
    }
}
