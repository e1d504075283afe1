namespace Parley.Server.WebChat;

/// <summary>Body of <c>POST /webchat/{key}/transcript</c>: where to e-mail the transcript once the chat ends.</summary>
public sealed record TranscriptRequest(string? Email);
