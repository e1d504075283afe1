namespace Parley.Server.WebChat;

/// <summary>
/// One round of position announcements cut into <see cref="ChatPositionHeartbeat.Slices"/> slices, handed out one per
/// tick, so that a round reaches every waiting visitor once without telling them all in the same instant.
/// </summary>
internal sealed class PositionRound
{
    private ChatRoom[] _rooms = [];
    private int _slice = ChatPositionHeartbeat.Slices;

    /// <summary>Whether every slice of the round was handed out (true before the first round).</summary>
    public bool IsOver => _slice >= ChatPositionHeartbeat.Slices;

    public void Start(IEnumerable<ChatRoom> waiting)
    {
        _rooms = [.. waiting];
        _slice = 0;
    }

    /// <summary>The next slice, the rooms from <c>n·i/Slices</c> up to <c>n·(i+1)/Slices</c>; empty once the round is over.</summary>
    public ArraySegment<ChatRoom> NextSlice()
    {
        if (IsOver)
        {
            return ArraySegment<ChatRoom>.Empty;
        }

        var from = (int)((long)_rooms.Length * _slice / ChatPositionHeartbeat.Slices);
        var to = (int)((long)_rooms.Length * ++_slice / ChatPositionHeartbeat.Slices);
        var slice = new ArraySegment<ChatRoom>(_rooms, from, to - from);
        if (IsOver)
        {
            _rooms = []; // the last slice is still read from the old array; no room is kept past its round
        }

        return slice;
    }
}
