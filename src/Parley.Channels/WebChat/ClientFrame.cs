namespace Parley.Channels.WebChat;

/// <summary>A parsed, checked frame from the widget (text already cleaned, see <see cref="ChatText"/>).</summary>
/// <remarks>A message may carry an <see cref="Attachment"/> (the id of the visitor's upload); its text may then be empty.</remarks>
public sealed record ClientFrame(ClientFrameType Type, long Seq = 0, string? Text = null, bool On = false, int Score = 0, Guid? Attachment = null);
