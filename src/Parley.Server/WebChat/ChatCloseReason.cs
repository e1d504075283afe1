using System.Net.WebSockets;

namespace Parley.Server.WebChat;

/// <summary>Why a visitor's connection must close (a socket closes with it; a POST answers it as a problem).</summary>
internal sealed record ChatCloseReason(WebSocketCloseStatus Status, string Reason);
