using Microsoft.Extensions.Time.Testing;
using Parley.Sip.Messages;
using Parley.Sip.Tests.Support;
using Parley.Sip.Transactions;

namespace Parley.Sip.Tests.Transactions;

public sealed class ClientTransactionTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly SipTimerScheduler _scheduler;
    private readonly SipTransactionLayer _layer;
    private readonly List<SipResponse> _received = [];

    public ClientTransactionTests()
    {
        _scheduler = new SipTimerScheduler(_time, TimeSpan.FromMilliseconds(10));
        _layer = new SipTransactionLayer(_scheduler);
    }

    [Fact]
    public void Invite_NoAnswerOverUdp_RetransmitsWithTimerAAndTimesOutWithTimerB()
    {
        var flow = new FakeFlow();
        _layer.SendRequest(TestMessages.Request("INVITE"), flow, (_, r) => _received.Add(r));

        for (var i = 0; i < 330; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        // Sent at 0, 0.5, 1.5, 3.5, 7.5, 15.5 and 31.5 s; timer B fires at 32 s.
        Assert.Equal(7, flow.Sent.Count);
        Assert.Equal(408, Assert.Single(_received).StatusCode);
        Assert.Equal(0, _layer.ClientTransactionCount);
    }

    [Fact]
    public void Invite_ErrorResponse_IsAckedOnceReportedOnceAndRetransmissionsReAcked()
    {
        var flow = new FakeFlow();
        var invite = TestMessages.Request("INVITE");
        _layer.SendRequest(invite, flow, (_, r) => _received.Add(r));

        _layer.ProcessResponse(TestMessages.ResponseTo(invite, 486));
        _layer.ProcessResponse(TestMessages.ResponseTo(invite, 486));

        Assert.Equal(486, Assert.Single(_received).StatusCode);
        var acks = flow.Sent.OfType<SipRequest>().Where(r => r.Method == SipMethods.Ack).ToList();
        Assert.Equal(2, acks.Count);
        Assert.Equal("to1", acks[0].To.Tag);
        Assert.Equal(invite.TopVia!.Branch, acks[0].TopVia!.Branch);
    }

    [Fact]
    public void Invite_2xxRetransmissions_AreAllPassedUpWhileAccepted()
    {
        var flow = new FakeFlow();
        var invite = TestMessages.Request("INVITE");
        var tx = _layer.SendRequest(invite, flow, (_, r) => _received.Add(r));

        _layer.ProcessResponse(TestMessages.ResponseTo(invite, 180));
        _layer.ProcessResponse(TestMessages.ResponseTo(invite, 200));
        _layer.ProcessResponse(TestMessages.ResponseTo(invite, 200));

        Assert.Equal([180, 200, 200], _received.Select(r => r.StatusCode));
        Assert.Equal(SipTransactionState.Accepted, tx.State);
        _time.Advance(TimeSpan.FromSeconds(32.1));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public void NonInvite_NoAnswerOverUdp_RetransmitsCappedAtT2AndTimesOutWithTimerF()
    {
        var flow = new FakeFlow();
        _layer.SendRequest(TestMessages.Request("OPTIONS"), flow, (_, r) => _received.Add(r));

        for (var i = 0; i < 330; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        // 0, 0.5, 1.5, 3.5, 7.5, then every 4 s: 11.5 ... 31.5 → 11 sends.
        Assert.Equal(11, flow.Sent.Count);
        Assert.Equal(408, Assert.Single(_received).StatusCode);
    }

    [Fact]
    public void NonInvite_OverTcp_NeverRetransmits()
    {
        var flow = new FakeFlow(reliable: true);
        var bye = TestMessages.Request("BYE");
        _layer.SendRequest(bye, flow, (_, r) => _received.Add(r));

        _time.Advance(TimeSpan.FromSeconds(5));
        _layer.ProcessResponse(TestMessages.ResponseTo(bye, 200));

        Assert.Single(flow.Sent);
        Assert.Equal(200, Assert.Single(_received).StatusCode);
    }

    public void Dispose() => _scheduler.Dispose();
}
