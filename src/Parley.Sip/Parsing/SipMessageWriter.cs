using System.Buffers;
using System.Buffers.Text;
using System.Text;
using Parley.Sip.Messages;

namespace Parley.Sip.Parsing;

/// <summary>Serializes messages: canonical header names, values as received, Content-Length from the body.</summary>
public static class SipMessageWriter
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    /// <summary>Writes the message to <paramref name="writer"/>.</summary>
    public static void Write(SipMessage message, IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(writer);
        if (message is SipRequest request)
        {
            WriteText(writer, request.Method);
            writer.Write(" "u8);
            WriteText(writer, request.RequestUri);
            writer.Write(" SIP/2.0\r\n"u8);
        }
        else
        {
            var response = (SipResponse)message;
            writer.Write("SIP/2.0 "u8);
            WriteInt(writer, response.StatusCode);
            writer.Write(" "u8);
            WriteText(writer, response.ReasonPhrase);
            writer.Write("\r\n"u8);
        }

        foreach (var h in message.Headers)
        {
            if (h.Kind == SipHeaderKind.ContentLength)
            {
                continue;
            }

            if (h.Kind == SipHeaderKind.Unknown)
            {
                WriteText(writer, h.Name);
            }
            else
            {
                writer.Write(SipHeaderNames.GetNameBytes(h.Kind));
            }

            writer.Write(": "u8);
            if (h.HasRawValue)
            {
                writer.Write(h.RawValue.Span);
            }
            else
            {
                WriteText(writer, h.Value);
            }

            writer.Write("\r\n"u8);
        }

        writer.Write("Content-Length: "u8);
        WriteInt(writer, message.Body.Length);
        writer.Write("\r\n\r\n"u8);
        writer.Write(message.Body.Span);
    }

    /// <summary>Serializes to a new array (one allocation of the exact size).</summary>
    public static byte[] ToBytes(SipMessage message)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(2048);
        buffer.ResetWrittenCount();
        Write(message, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteText(IBufferWriter<byte> writer, string text) => Encoding.UTF8.GetBytes(text, writer);

    private static void WriteInt(IBufferWriter<byte> writer, int value)
    {
        var span = writer.GetSpan(11);
        Utf8Formatter.TryFormat(value, span, out var n);
        writer.Advance(n);
    }
}
