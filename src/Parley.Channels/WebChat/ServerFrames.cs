using System.Buffers;
using System.Text.Json;

namespace Parley.Channels.WebChat;

/// <summary>The frames the server sends the widget, as UTF-8 JSON.</summary>
public static class ServerFrames
{
    /// <summary><c>{"type":"hello","ackedSeq":3,"lastSeq":5}</c>: the last visitor message stored, the last agent message sent so far.</summary>
    public static byte[] Hello(long ackedSeq, long lastSeq, string status) => Write(w =>
    {
        w.WriteString("type", "hello");
        w.WriteNumber("ackedSeq", ackedSeq);
        w.WriteNumber("lastSeq", lastSeq);
        w.WriteString("status", status);
    });

    /// <summary><c>{"type":"ack","seq":3}</c>: the visitor's message 3 is stored.</summary>
    public static byte[] Ack(long seq) => Write(w =>
    {
        w.WriteString("type", "ack");
        w.WriteNumber("seq", seq);
    });

    /// <summary>
    /// <c>{"type":"msg","seq":4,"from":"agent","name":"Alex","text":"…","at":"…"}</c>, with
    /// <c>"attachment":{"id":"…","name":"…","type":"image/png","size":123}</c> when the message carries a file.
    /// </summary>
    public static byte[] Message(long seq, string from, string? name, string text, DateTimeOffset at, ChatAttachmentInfo? attachment = null) => Write(w =>
    {
        w.WriteString("type", "msg");
        w.WriteNumber("seq", seq);
        w.WriteString("from", from);
        if (name is not null)
        {
            w.WriteString("name", name);
        }

        w.WriteString("text", text);
        w.WriteString("at", at);
        if (attachment is not null)
        {
            w.WriteStartObject("attachment");
            w.WriteString("id", attachment.Id);
            w.WriteString("name", attachment.Name);
            w.WriteString("type", attachment.Type);
            w.WriteNumber("size", attachment.Size);
            w.WriteEndObject();
        }
    });

    /// <summary><c>{"type":"queued","position":2,"waitSeconds":40}</c> (<c>waitSeconds</c> null when unknown).</summary>
    public static byte[] Queued(int position, double? waitSeconds) => Write(w =>
    {
        w.WriteString("type", "queued");
        w.WriteNumber("position", position);
        if (waitSeconds is { } seconds)
        {
            w.WriteNumber("waitSeconds", Math.Round(seconds));
        }
        else
        {
            w.WriteNull("waitSeconds");
        }
    });

    /// <summary><c>{"type":"joined","name":"Alex"}</c>: an agent took the chat.</summary>
    public static byte[] Joined(string name) => Write(w =>
    {
        w.WriteString("type", "joined");
        w.WriteString("name", name);
    });

    /// <summary><c>{"type":"typing","on":true}</c>: the agent is typing.</summary>
    /// <summary>The agent handed the chat on: the visitor waits for the next agent (whose <c>joined</c> follows).</summary>
    public static byte[] Transferred() => Write(w => w.WriteString("type", "transferred"));

    public static byte[] Typing(bool on) => Write(w =>
    {
        w.WriteString("type", "typing");
        w.WriteBoolean("on", on);
    });

    /// <summary><c>{"type":"ended","by":"agent"}</c> (<c>customer</c>, <c>agent</c> or <c>system</c>).</summary>
    public static byte[] Ended(string by) => Write(w =>
    {
        w.WriteString("type", "ended");
        w.WriteString("by", by);
    });

    /// <summary><c>{"type":"rated"}</c>: the rating is stored.</summary>
    public static byte[] Rated() => Write(w => w.WriteString("type", "rated"));

    /// <summary><c>{"type":"pong"}</c>.</summary>
    public static byte[] Pong() => Write(w => w.WriteString("type", "pong"));

    /// <summary>
    /// <c>{"type":"refused","reason":"rate","seq":9,"retryAfterMs":1000}</c>: the frame was not taken (it is not stored,
    /// the widget may send it again with the same <c>seq</c> later).
    /// </summary>
    public static byte[] Refused(string reason, long seq, int retryAfterMs) => Write(w =>
    {
        w.WriteString("type", "refused");
        w.WriteString("reason", reason);
        w.WriteNumber("seq", seq);
        w.WriteNumber("retryAfterMs", retryAfterMs);
    });

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
