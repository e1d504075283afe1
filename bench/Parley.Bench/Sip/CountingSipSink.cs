using System.Net;
using Parley.Sip.Messages;
using Parley.Sip.Parsing;
using Parley.Sip.Transport;

namespace Parley.Bench.Sip;

/// <summary>Counts what a transport admits (CRLF keep-alives stop there) and remembers the last flow's local address.</summary>
internal sealed class CountingSipSink : ISipMessageSink
{
    private readonly Lock _lock = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public IPEndPoint? LastLocal { get; private set; }

    public bool Admit(ISipFlow flow)
    {
        LastLocal = flow.LocalEndPoint;
        Interlocked.Increment(ref _count);
        return true;
    }

    public Lock CallLock(SipMessage message) => _lock;

    public void OnMessage(SipMessage message, ISipFlow flow)
    {
    }

    public void OnRejected(SipParseException error, ReadOnlySpan<byte> raw, ISipFlow flow)
    {
    }
}
