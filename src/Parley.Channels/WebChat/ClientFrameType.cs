namespace Parley.Channels.WebChat;

/// <summary>What a widget may send over the socket.</summary>
public enum ClientFrameType
{
    /// <summary><c>{"type":"msg","seq":3,"text":"…"}</c>: the visitor's message number <c>seq</c> (1, 2, 3, … per chat).</summary>
    Message,

    /// <summary><c>{"type":"ack","seq":7}</c>: every agent message up to 7 has arrived.</summary>
    Ack,

    /// <summary><c>{"type":"typing","on":true}</c>.</summary>
    Typing,

    /// <summary><c>{"type":"end"}</c>: the visitor leaves the chat.</summary>
    End,

    /// <summary><c>{"type":"rate","score":5,"comment":"…"}</c>: satisfaction 1–5 after the end.</summary>
    Rate,

    /// <summary><c>{"type":"ping"}</c>: keeps proxies from closing an idle socket; answered with <c>pong</c>.</summary>
    Ping,
}
