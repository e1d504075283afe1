namespace Parley.Channels.WebChat;

/// <summary>A parsed, checked frame from the widget (text already cleaned, see <see cref="ChatText"/>).</summary>
public sealed record ClientFrame(ClientFrameType Type, long Seq = 0, string? Text = null, bool On = false, int Score = 0);
