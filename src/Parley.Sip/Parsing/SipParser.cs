using System.Buffers;
using System.Text;
using Parley.Sip.Messages;

namespace Parley.Sip.Parsing;

/// <summary>
/// Parses SIP messages from bytes. <see cref="TryParse(ReadOnlySpan{byte}, bool, out SipMessage?, out int)"/>
/// returns false while a stream message is incomplete (and consumes nothing but leading CRLF keep-alives);
/// malformed or over-limit input throws <see cref="SipParseException"/> and nothing else.
/// </summary>
public sealed partial class SipParser
{
    private readonly SipParserOptions _options;

    public SipParser(SipParserOptions? options = null)
    {
        _options = options ?? SipParserOptions.Default;
        _options.Validate();
    }

    public SipParserOptions Options => _options;

    /// <summary>Parses one whole datagram (UDP): the body is framed by Content-Length or runs to the end.</summary>
    public SipMessage ParseDatagram(ReadOnlySpan<byte> datagram)
    {
        if (!TryParse(datagram, isStream: false, out var message, out _))
        {
            SipThrowHelper.Throw(SipRejectionReason.MalformedStartLine);
        }

        return message!;
    }

    /// <summary>Parses from a possibly multi-segment buffer (stream transports).</summary>
    public bool TryParse(ReadOnlySequence<byte> buffer, bool isStream, out SipMessage? message, out SequencePosition consumed)
    {
        if (buffer.IsSingleSegment)
        {
            var ok = TryParse(buffer.FirstSpan, isStream, out message, out var n);
            consumed = buffer.GetPosition(n);
            return ok;
        }

        var length = (int)Math.Min(buffer.Length, _options.MaxMessageSize + 4L);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            buffer.Slice(0, length).CopyTo(rented);
            var ok = TryParse(rented.AsSpan(0, length), isStream, out message, out var n);
            consumed = buffer.GetPosition(n);
            return ok;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Tries to parse one message at the start of <paramref name="input"/>.
    /// </summary>
    /// <param name="input">Received bytes.</param>
    /// <param name="isStream">True for TCP/TLS/WS framing (Content-Length required, wait for more bytes).</param>
    /// <param name="message">The message when true is returned.</param>
    /// <param name="consumed">Bytes used: the message, or only leading CRLF keep-alives when false is returned.</param>
    public bool TryParse(ReadOnlySpan<byte> input, bool isStream, out SipMessage? message, out int consumed)
    {
        message = null;
        var start = 0;
        while (start < input.Length && input[start] is (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        consumed = start;
        var msg = input[start..];
        if (msg.IsEmpty)
        {
            return false;
        }

        var headerEnd = msg.IndexOf("\r\n\r\n"u8);
        if (headerEnd < 0)
        {
            if (msg.Length > _options.MaxMessageSize)
            {
                SipThrowHelper.Throw(SipRejectionReason.MessageTooLarge);
            }

            if (!isStream)
            {
                SipThrowHelper.Throw(SipRejectionReason.MalformedStartLine);
            }

            return false;
        }

        if (headerEnd + 4 > _options.MaxMessageSize)
        {
            SipThrowHelper.Throw(SipRejectionReason.MessageTooLarge);
        }

        var firstLineEnd = msg.IndexOf("\r\n"u8);
        var slots = ArrayPool<HeaderSlot>.Shared.Rent(Math.Min(_options.MaxHeaderCount + 1, 256));
        try
        {
            var count = ScanHeaders(msg, firstLineEnd + 2, headerEnd + 2, slots);
            var contentLength = CheckHeaders(msg, slots, count);
            var bodyStart = headerEnd + 4;
            var available = msg.Length - bodyStart;
            if (contentLength < 0)
            {
                if (isStream)
                {
                    SipThrowHelper.Throw(SipRejectionReason.MissingContentLength);
                }

                contentLength = available;
            }

            if (contentLength > _options.MaxBodySize)
            {
                SipThrowHelper.Throw(SipRejectionReason.BodyTooLarge);
            }

            if ((long)bodyStart + contentLength > _options.MaxMessageSize)
            {
                SipThrowHelper.Throw(SipRejectionReason.MessageTooLarge);
            }

            if (contentLength > available)
            {
                if (isStream)
                {
                    return false;
                }

                SipThrowHelper.Throw(SipRejectionReason.ContentLengthExceedsMessage);
            }

            var total = bodyStart + (int)contentLength;
            var owned = msg[..total].ToArray();
            message = Build(owned, firstLineEnd, slots, count, bodyStart, (int)contentLength);
            consumed = start + total;
            return true;
        }
        finally
        {
            ArrayPool<HeaderSlot>.Shared.Return(slots);
        }
    }

    private int ScanHeaders(ReadOnlySpan<byte> msg, int position, int end, HeaderSlot[] slots)
    {
        var count = 0;
        var max = Math.Min(_options.MaxHeaderCount, slots.Length - 1);
        while (position < end)
        {
            var lineEnd = position + msg[position..end].IndexOf("\r\n"u8);
            var line = msg[position..lineEnd];
            if (line.IsEmpty)
            {
                SipThrowHelper.Throw(SipRejectionReason.MalformedHeader);
            }

            if (line[0] is (byte)' ' or (byte)'\t')
            {
                if (count == 0)
                {
                    SipThrowHelper.Throw(SipRejectionReason.MalformedHeader);
                }

                slots[count - 1].ValueEnd = lineEnd;
                slots[count - 1].Folded = true;
            }
            else
            {
                var colon = line.IndexOf((byte)':');
                if (colon <= 0)
                {
                    SipThrowHelper.Throw(SipRejectionReason.MalformedHeader);
                }

                var name = line[..colon].TrimEnd(" \t"u8);
                if (!SipSyntax.IsToken(name))
                {
                    SipThrowHelper.Throw(SipRejectionReason.MalformedHeader);
                }

                if (count == max)
                {
                    SipThrowHelper.Throw(SipRejectionReason.TooManyHeaders);
                }

                slots[count++] = new HeaderSlot
                {
                    NameStart = position,
                    NameLength = name.Length,
                    ValueStart = position + colon + 1,
                    ValueEnd = lineEnd,
                };
            }

            position = lineEnd + 2;
        }

        return count;
    }

    /// <summary>Applies limits and single-value rules; returns Content-Length or -1 when absent.</summary>
    private long CheckHeaders(ReadOnlySpan<byte> msg, HeaderSlot[] slots, int count)
    {
        long contentLength = -1;
        var seen = 0;
        var vias = 0;
        for (var i = 0; i < count; i++)
        {
            ref var s = ref slots[i];
            if (s.ValueEnd - s.NameStart > _options.MaxHeaderLength)
            {
                SipThrowHelper.Throw(SipRejectionReason.HeaderTooLong);
            }

            var kind = SipHeaderNames.Lookup(msg.Slice(s.NameStart, s.NameLength), out _);
            s.Kind = kind;
            var bit = kind switch
            {
                SipHeaderKind.From => 1,
                SipHeaderKind.To => 2,
                SipHeaderKind.CallId => 4,
                SipHeaderKind.CSeq => 8,
                SipHeaderKind.MaxForwards => 16,
                SipHeaderKind.ContentLength => 32,
                SipHeaderKind.ContentType => 64,
                _ => 0,
            };
            if (bit != 0)
            {
                if ((seen & bit) != 0)
                {
                    SipThrowHelper.Throw(SipRejectionReason.DuplicateSingleValueHeader);
                }

                seen |= bit;
            }

            if (kind == SipHeaderKind.Via)
            {
                vias += HeaderValueSplitter.Count(msg[s.ValueStart..s.ValueEnd]);
                if (vias > _options.MaxViaCount)
                {
                    SipThrowHelper.Throw(SipRejectionReason.TooManyVias);
                }
            }
            else if (kind == SipHeaderKind.ContentLength)
            {
                var v = Unfold(msg[s.ValueStart..s.ValueEnd], s.Folded);
                if (!SipSyntax.TryParseUInt(v, int.MaxValue, out contentLength))
                {
                    SipThrowHelper.Throw(SipRejectionReason.InvalidContentLength);
                }
            }
        }

        return contentLength;
    }

    private SipMessage Build(byte[] owned, int firstLineEnd, HeaderSlot[] slots, int count, int bodyStart, int contentLength)
    {
        var headers = new List<SipHeader>(count);
        for (var i = 0; i < count; i++)
        {
            ref var s = ref slots[i];
            var kind = s.Kind;
            var name = kind == SipHeaderKind.Unknown ? Encoding.ASCII.GetString(owned, s.NameStart, s.NameLength) : SipHeaderNames.GetName(kind);

            ReadOnlyMemory<byte> value;
            if (s.Folded)
            {
                value = Unfold(owned.AsSpan(s.ValueStart, s.ValueEnd - s.ValueStart), folded: true).ToArray();
            }
            else
            {
                var raw = owned.AsSpan(s.ValueStart, s.ValueEnd - s.ValueStart);
                var lead = raw.Length - raw.TrimStart(" \t"u8).Length;
                var trimmed = raw.Trim(" \t"u8);
                value = owned.AsMemory(s.ValueStart + lead, trimmed.Length);
            }

            headers.Add(new SipHeader(kind, name, value));
        }

        var message = ParseStartLine(owned.AsSpan(0, firstLineEnd), headers);
        message.Body = owned.AsMemory(bodyStart, contentLength);
        Validate(message);
        return message;
    }

    /// <summary>Trims and collapses folded lines (CRLF + whitespace) into single spaces.</summary>
    private static ReadOnlySpan<byte> Unfold(ReadOnlySpan<byte> value, bool folded)
    {
        value = value.Trim(" \t\r\n"u8);
        if (!folded)
        {
            return value;
        }

        var result = new byte[value.Length];
        var n = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var b = value[i];
            if (b is (byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t')
            {
                var j = i;
                while (j < value.Length && value[j] is (byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t')
                {
                    j++;
                }

                result[n++] = (byte)' ';
                i = j - 1;
            }
            else
            {
                result[n++] = b;
            }
        }

        return result.AsSpan(0, n);
    }
}
