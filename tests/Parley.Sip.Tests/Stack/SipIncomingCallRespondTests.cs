using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Parley.Sip.Auth;
using Parley.Sip.Messages;
using Parley.Sip.Stack;
using Parley.Sip.Tests.Support;
using Parley.Sip.Transport;

namespace Parley.Sip.Tests.Stack;

/// <summary><see cref="SipIncomingCall.Challenge"/> and <see cref="SipIncomingCall.Respond"/>, driven in memory with a fake clock.</summary>
public sealed class SipIncomingCallRespondTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly FakeFlow _flow = new();
    private readonly HoldingApplication _app = new();
    private readonly SipStack _stack;
    private readonly SipDigestAuthenticator _auth;

    public SipIncomingCallRespondTests()
    {
        _stack = new SipStack(new SipStackOptions(), _app, timeProvider: _time);
        _auth = new SipDigestAuthenticator(new SipDigestOptions { Realm = "parley.test" }, new InMemoryCredentialStore(), _time, NullLogger.Instance);
    }

    private ISipMessageSink Sink => _stack;

    [Fact]
    public void Challenge_GoesOutWithTheCallsToTag_AndIsRetransmittedUntilTheAck()
    {
        var invite = TestMessages.Request("INVITE");
        Sink.OnMessage(invite, _flow);
        var call = _app.Calls[0];

        Assert.True(call.Challenge(_auth.CreateChallenge(invite, stale: false)));
        _time.Advance(TimeSpan.FromMilliseconds(510));
        var sentBeforeAck = _flow.Responses.Count(r => r.StatusCode == 401);
        Sink.OnMessage(TestMessages.Request("ACK", toTag: call.LocalTag), _flow);
        _time.Advance(TimeSpan.FromSeconds(40));

        var challenges = _flow.Responses.Where(r => r.StatusCode == 401).ToList();
        Assert.Equal(2, sentBeforeAck);
        Assert.Equal(sentBeforeAck, challenges.Count);
        Assert.All(challenges, c => Assert.Equal(call.LocalTag, c.To.Tag));
        Assert.Contains("Digest realm=\"parley.test\"", challenges[0].WwwAuthenticate, StringComparison.Ordinal);
        Assert.Single(_app.Calls);
        Assert.DoesNotContain(_flow.Sent.OfType<SipRequest>(), r => r.Method == SipMethods.Bye);
    }

    [Fact]
    public void Challenge_ARetransmittedInvite_GetsTheSameChallengeAgain_NotANewCall()
    {
        var invite = TestMessages.Request("INVITE");
        Sink.OnMessage(invite, _flow);
        _app.Calls[0].Challenge(_auth.CreateChallenge(invite, stale: false));

        Sink.OnMessage(TestMessages.Request("INVITE"), _flow);

        Assert.Single(_app.Calls);
        var challenges = _flow.Responses.Where(r => r.StatusCode == 401).ToList();
        Assert.Equal(2, challenges.Count);
        Assert.Equal(challenges[0].WwwAuthenticate, challenges[1].WwwAuthenticate);
    }

    [Fact]
    public void Respond_AfterTheCallWasDecided_SendsNothing()
    {
        var invite = TestMessages.Request("INVITE");
        Sink.OnMessage(invite, _flow);
        var call = _app.Calls[0];
        call.Reject(486);

        var sent = call.Respond(SipMessageFactory.CreateResponse(invite, 403));

        Assert.False(sent);
        Assert.DoesNotContain(_flow.Responses, r => r.StatusCode == 403);
        Assert.Equal(1, _flow.Responses.Count(r => r.StatusCode == 486));
    }

    [Fact]
    public void Challenge_RefusesAResponseThatIsNotA401Or407()
    {
        var invite = TestMessages.Request("INVITE");
        Sink.OnMessage(invite, _flow);

        Assert.Throws<ArgumentException>(() => _app.Calls[0].Challenge(SipMessageFactory.CreateResponse(invite, 403)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _app.Calls[0].Respond(SipMessageFactory.CreateResponse(invite, 200)));
    }

    [Fact]
    public void IncomingCall_ShowsTheTransportPeer_AndNoCallerUntilTheApplicationRecordsOne()
    {
        Sink.OnMessage(TestMessages.Request("INVITE"), _flow);
        var call = _app.Calls[0];

        Assert.Equal(IPAddress.Parse("192.0.2.10"), call.RemoteEndPoint.Address);
        Assert.Null(call.Caller);
        call.Caller = new SipCaller("tenant-a", "alice", "parley.test");
        Assert.Equal("alice", call.Caller.Username);
    }

    public async ValueTask DisposeAsync() => await _stack.DisposeAsync();
}
