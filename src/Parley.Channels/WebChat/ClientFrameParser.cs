using System.Text.Json;

namespace Parley.Channels.WebChat;

/// <summary>
/// Parses one widget frame (a whole WebSocket text message, UTF-8 JSON). Unknown members are ignored, so a newer
/// widget may add some; a wrong type, a missing or non-positive <c>seq</c>, empty or over-long text, or a score outside
/// 1–5 is refused (a message with an <c>attachment</c> id may have empty text) with its <see cref="FrameRejection"/>.
/// </summary>
public static class ClientFrameParser
{
    public static FrameRejection TryParse(ReadOnlySpan<byte> utf8, out ClientFrame? frame)
    {
        frame = null;
        if (utf8.Length > ChatLimits.MaxFrameBytes)
        {
            return FrameRejection.TooLarge;
        }

        string? type = null, text = null, comment = null;
        long seq = 0;
        int score = 0;
        bool on = false;
        Guid? attachment = null;
        var badAttachment = false;
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 4 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return FrameRejection.NotJson;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "type" when reader.TokenType == JsonTokenType.String: type = reader.GetString(); break;
                    case "text" when reader.TokenType == JsonTokenType.String: text = reader.GetString(); break;
                    case "comment" when reader.TokenType == JsonTokenType.String: comment = reader.GetString(); break;
                    case "seq" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var s): seq = s; break;
                    case "score" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var r): score = r; break;
                    case "attachment" when reader.TokenType == JsonTokenType.String:
                        if (Guid.TryParse(reader.GetString(), out var a))
                        {
                            attachment = a;
                        }
                        else
                        {
                            badAttachment = true;
                        }

                        break;
                    case "on" when reader.TokenType is JsonTokenType.True or JsonTokenType.False: on = reader.GetBoolean(); break;
                    default: reader.Skip(); break;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return FrameRejection.NotJson;
            }
        }
        catch (JsonException)
        {
            return FrameRejection.NotJson;
        }

        switch (type)
        {
            case "msg":
                if (seq < 1)
                {
                    return FrameRejection.BadSequence;
                }

                if (badAttachment)
                {
                    return FrameRejection.BadAttachment;
                }

                var clean = ChatText.Clean(text);
                if (clean is null && (attachment is null || !string.IsNullOrWhiteSpace(text)))
                {
                    return FrameRejection.BadText;
                }

                frame = new ClientFrame(ClientFrameType.Message, seq, clean ?? "", Attachment: attachment);
                return FrameRejection.None;
            case "ack":
                if (seq < 0)
                {
                    return FrameRejection.BadSequence;
                }

                frame = new ClientFrame(ClientFrameType.Ack, seq);
                return FrameRejection.None;
            case "typing":
                frame = new ClientFrame(ClientFrameType.Typing, On: on);
                return FrameRejection.None;
            case "end":
                frame = new ClientFrame(ClientFrameType.End);
                return FrameRejection.None;
            case "ping":
                frame = new ClientFrame(ClientFrameType.Ping);
                return FrameRejection.None;
            case "rate":
                if (score is < 1 or > 5)
                {
                    return FrameRejection.BadScore;
                }

                var note = comment is null ? null : ChatText.Clean(comment, ChatLimits.MaxCommentLength);
                if (comment is not null && !string.IsNullOrWhiteSpace(comment) && note is null)
                {
                    return FrameRejection.BadText;
                }

                frame = new ClientFrame(ClientFrameType.Rate, Text: note, Score: score);
                return FrameRejection.None;
            default:
                return FrameRejection.UnknownType;
        }
    }
}
