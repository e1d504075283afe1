namespace Parley.Server.WebChat;

/// <summary>What became of a message handed to a <see cref="ChatRoom"/>.</summary>
internal enum ChatAppendOutcome
{
    /// <summary>Stored now.</summary>
    Stored,

    /// <summary>Stored before (the same visitor sequence number again, after a reconnect): acknowledged, not stored twice.</summary>
    Duplicate,

    /// <summary>The visitor skipped a sequence number: a message in between is missing.</summary>
    Gap,

    /// <summary>The chat is over.</summary>
    Ended,
}
