using System.Buffers;
using Parley.Sip.Parsing;
using Parley.Sip.Tests.Torture;

namespace Parley.Sip.Tests.Parsing;

public sealed class SipParserSequenceTests
{
    [Fact]
    public void Parse_MessageSplitAcrossManySegments_ParsesAndReportsThePosition()
    {
        var wire = TortureText.Wire(SipParserTests.Invite);
        byte[] stream = [.. wire, .. "OPTIONS"u8];
        var sequence = Segments(stream, 7);

        Assert.True(new SipParser().TryParse(sequence, true, out var message, out var consumed));

        Assert.Equal("a84b4c76e66710@pc33.example.com", message!.CallId);
        Assert.Equal(wire.Length, sequence.Slice(0, consumed).Length);
    }

    [Fact]
    public void Parse_IncompleteMultiSegmentMessage_ConsumesNothing()
    {
        var wire = TortureText.Wire(SipParserTests.Invite);
        var sequence = Segments(wire.AsSpan(0, wire.Length - 1).ToArray(), 5);

        Assert.False(new SipParser().TryParse(sequence, true, out _, out var consumed));
        Assert.Equal(0, sequence.Slice(0, consumed).Length);
    }

    private static ReadOnlySequence<byte> Segments(byte[] data, int size)
    {
        Segment? first = null;
        Segment? last = null;
        for (var i = 0; i < data.Length; i += size)
        {
            var chunk = data.AsMemory(i, Math.Min(size, data.Length - i));
            last = last is null ? first = new Segment(chunk, 0) : last.Append(chunk);
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
