namespace Parley.Server.WebChat;

internal enum ChatRoomStatus
{
    Waiting,
    Active,
    Ended,
}
