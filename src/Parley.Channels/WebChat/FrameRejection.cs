namespace Parley.Channels.WebChat;

/// <summary>Why a frame was refused; each maps to a close reason the widget can show or log.</summary>
public enum FrameRejection
{
    None,
    TooLarge,
    NotJson,
    UnknownType,
    BadSequence,
    BadText,
    BadScore,
    BadAttachment,
}
