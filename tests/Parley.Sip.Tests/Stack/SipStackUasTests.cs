using System.Text;
using Microsoft.Extensions.Time.Testing;
using Parley.Sip.Dialogs;
using Parley.Sip.Messages;
using Parley.Sip.Stack;
using Parley.Sip.Tests.Support;
using Parley.Sip.Transport;

namespace Parley.Sip.Tests.Stack;

/// <summary>The UAS core driven in memory (no sockets) with a fake clock.</summary>
public sealed class SipStackUasTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly FakeFlow _flow = new();
    private readonly HoldingApplication _app = new();
    private readonly SipStack _stack;

    public SipStackUasTests() => _stack = new SipStack(new SipStackOptions(), _app, timeProvider: _time);

    private ISipMessageSink Sink => _stack;

    [Fact]
    public void Invite_Answered_2xxIsRetransmittedUntilTheAck()
    {
        var invite = WithSdp(TestMessages.Request("INVITE"));
        Sink.OnMessage(invite, _flow);
        var dialog = _app.Calls[0].Answer("v=0\r\n"u8.ToArray());

        _time.Advance(TimeSpan.FromMilliseconds(510));
        _time.Advance(TimeSpan.FromMilliseconds(1010));
        Sink.OnMessage(TestMessages.Request("ACK", branch: "z9hG4bKack", toTag: dialog.LocalTag), _flow);
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal([100, 180, 200, 200, 200], _flow.Responses.Select(r => r.StatusCode));
        Assert.Equal(SipDialogState.Confirmed, dialog.State);
        Assert.Equal("v=0\r\n", Encoding.ASCII.GetString(_flow.Responses.Last().Body.Span));
    }

    [Fact]
    public void Invite_AnsweredButNeverAcked_IsHungUpWithBye()
    {
        Sink.OnMessage(TestMessages.Request("INVITE"), _flow);
        var dialog = _app.Calls[0].Answer(default);

        for (var i = 0; i < 33; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Contains(_flow.Sent.OfType<SipRequest>(), r => r.Method == SipMethods.Bye && r.CallId == dialog.CallId);
    }

    [Fact]
    public void Cancel_BeforeAnswer_Gets200AndTheInviteGets487()
    {
        Sink.OnMessage(TestMessages.Request("INVITE"), _flow);

        Sink.OnMessage(TestMessages.Request("CANCEL"), _flow);

        Assert.Contains(_flow.Responses, r => r.StatusCode == 200 && r.CSeq.Method == SipMethods.Cancel);
        Assert.Contains(_flow.Responses, r => r.StatusCode == 487 && r.CSeq.Method == SipMethods.Invite);
        Assert.True(_app.Calls[0].IsCancelled);
    }

    [Fact]
    public void ReInvite_InDialog_IsAnsweredWithTheCurrentLocalSdp()
    {
        Sink.OnMessage(TestMessages.Request("INVITE"), _flow);
        var dialog = _app.Calls[0].Answer("v=0 local\r\n"u8.ToArray());
        Sink.OnMessage(TestMessages.Request("ACK", branch: "z9hG4bKack", toTag: dialog.LocalTag), _flow);

        Sink.OnMessage(WithSdp(TestMessages.Request("INVITE", branch: "z9hG4bKre", cseq: 2, toTag: dialog.LocalTag)), _flow);

        var answer = _flow.Responses.Last();
        Assert.Equal(200, answer.StatusCode);
        Assert.Equal(2, answer.CSeq.Number);
        Assert.Equal("v=0 local\r\n", Encoding.ASCII.GetString(answer.Body.Span));
    }

    [Fact]
    public void Bye_ForUnknownDialog_Gets481()
    {
        Sink.OnMessage(TestMessages.Request("BYE", toTag: "nope"), _flow);

        Assert.Equal(481, Assert.Single(_flow.Responses).StatusCode);
    }

    [Fact]
    public void Request_RequiringUnknownExtension_Gets420WithUnsupported()
    {
        var options = TestMessages.Request("OPTIONS");
        options.Headers.Add(SipHeaderKind.Require, "100rel-of-the-future");

        Sink.OnMessage(options, _flow);

        var response = Assert.Single(_flow.Responses);
        Assert.Equal(420, response.StatusCode);
        Assert.Equal("100rel-of-the-future", response.Headers.GetValue(SipHeaderKind.Unsupported));
    }

    [Fact]
    public void Request_WithRportFromBehindNat_GetsReceivedAndRportInTheResponse()
    {
        Sink.OnMessage(TestMessages.Request("OPTIONS"), _flow);

        var via = Assert.Single(_flow.Responses).TopVia!;
        Assert.Equal(_flow.RemoteEndPoint.Port, via.Rport);
    }

    public async ValueTask DisposeAsync() => await _stack.DisposeAsync();

    private static SipRequest WithSdp(SipRequest request)
    {
        request.Headers.Add(SipHeaderKind.ContentType, "application/sdp");
        request.Body = "v=0\r\n"u8.ToArray();
        return request;
    }
}
