namespace Parley.Server.WebChat;

/// <summary>Whether a new visitor socket may open: yes, not from this address (it holds its share), or not on this node.</summary>
internal enum ChatAdmission
{
    Admitted,
    AddressFull,
    NodeFull,
}
