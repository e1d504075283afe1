namespace Parley.Channels.WebChat;

/// <summary>The file a chat message carries: its id (to download it), its cleaned name, its sniffed type and its size.</summary>
public sealed record ChatAttachmentInfo(Guid Id, string Name, string Type, long Size);
