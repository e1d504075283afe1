using Microsoft.Extensions.Time.Testing;
using Parley.Sip.Messages;
using Parley.Sip.Tests.Support;
using Parley.Sip.Transactions;

namespace Parley.Sip.Tests.Transactions;

public sealed class ServerTransactionTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly SipTimerScheduler _scheduler;
    private readonly SipTransactionLayer _layer;

    public ServerTransactionTests()
    {
        _scheduler = new SipTimerScheduler(_time, TimeSpan.FromMilliseconds(10));
        _layer = new SipTransactionLayer(_scheduler);
    }

    [Fact]
    public void Invite_New_Sends100TryingAtOnce()
    {
        var flow = new FakeFlow();

        var disposition = _layer.ProcessRequest(TestMessages.Request("INVITE"), flow, out var tx);

        Assert.Equal(SipRequestDisposition.NewTransaction, disposition);
        Assert.IsType<InviteServerTransaction>(tx);
        Assert.Equal(100, Assert.Single(flow.Responses).StatusCode);
    }

    [Fact]
    public void Invite_Retransmitted_IsAbsorbedAndLastProvisionalResent()
    {
        var flow = new FakeFlow();
        _layer.ProcessRequest(TestMessages.Request("INVITE"), flow, out var tx);
        tx!.SendResponse(SipMessageFactory.CreateResponse(tx.Request, 180, toTag: "t"));

        var disposition = _layer.ProcessRequest(TestMessages.Request("INVITE"), flow, out var second);

        Assert.Equal(SipRequestDisposition.Absorbed, disposition);
        Assert.Null(second);
        Assert.Equal([100, 180, 180], flow.Responses.Select(r => r.StatusCode));
    }

    [Fact]
    public void Invite_ErrorOverUdp_IsRetransmittedByTimerGUntilAck()
    {
        var flow = new FakeFlow();
        _layer.ProcessRequest(TestMessages.Request("INVITE"), flow, out var tx);
        tx!.SendResponse(SipMessageFactory.CreateResponse(tx.Request, 486, toTag: "t"));

        _time.Advance(TimeSpan.FromMilliseconds(510));
        _time.Advance(TimeSpan.FromMilliseconds(1010));
        var disposition = _layer.ProcessRequest(TestMessages.Request("ACK"), flow, out _);
        _time.Advance(TimeSpan.FromSeconds(4));

        Assert.Equal(SipRequestDisposition.Absorbed, disposition);
        Assert.Equal(3, flow.Responses.Count(r => r.StatusCode == 486));
        Assert.Equal(SipTransactionState.Confirmed, tx.State);
        _time.Advance(TimeSpan.FromSeconds(1.1));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Equal(0, _layer.ServerTransactionCount);
    }

    [Fact]
    public void Invite_ErrorWithoutAck_TimesOutWithTimerH()
    {
        var flow = new FakeFlow();
        _layer.ProcessRequest(TestMessages.Request("INVITE"), flow, out var tx);
        var timedOut = false;
        ((InviteServerTransaction)tx!).TimedOut += _ => timedOut = true;
        tx.SendResponse(SipMessageFactory.CreateResponse(tx.Request, 503, toTag: "t"));

        for (var i = 0; i < 33; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.True(timedOut);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.InRange(flow.Responses.Count(r => r.StatusCode == 503), 9, 12);
    }

    [Fact]
    public void Invite_2xx_MovesToAcceptedAndAbsorbsRetransmissionsUntilTimerL()
    {
        var flow = new FakeFlow();
        _layer.ProcessRequest(TestMessages.Request("INVITE"), flow, out var tx);
        tx!.SendResponse(SipMessageFactory.CreateResponse(tx.Request, 200, toTag: "t"));

        var retransmission = _layer.ProcessRequest(TestMessages.Request("INVITE"), flow, out _);
        var ack = _layer.ProcessRequest(TestMessages.Request("ACK", branch: "z9hG4bKack2", toTag: "t"), flow, out _);

        Assert.Equal(SipTransactionState.Accepted, tx.State);
        Assert.Equal(SipRequestDisposition.Absorbed, retransmission);
        Assert.Equal(SipRequestDisposition.AckForDialog, ack);
        _time.Advance(TimeSpan.FromSeconds(32.1));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public void NonInvite_FinalOverTcp_TerminatesAtOnce()
    {
        var flow = new FakeFlow(reliable: true);
        _layer.ProcessRequest(TestMessages.Request("OPTIONS"), flow, out var tx);

        tx!.SendResponse(SipMessageFactory.CreateResponse(tx.Request, 200, toTag: "t"));
        _time.Advance(TimeSpan.FromMilliseconds(20));

        Assert.Equal(SipTransactionState.Terminated, tx.State);
    }

    [Fact]
    public void NonInvite_RetransmissionAfterFinal_GetsTheSameResponseUntilTimerJ()
    {
        var flow = new FakeFlow();
        _layer.ProcessRequest(TestMessages.Request("BYE"), flow, out var tx);
        tx!.SendResponse(SipMessageFactory.CreateResponse(tx.Request, 200, toTag: "t"));

        _layer.ProcessRequest(TestMessages.Request("BYE"), flow, out _);
        _time.Advance(TimeSpan.FromSeconds(32.1));
        var afterJ = _layer.ProcessRequest(TestMessages.Request("BYE"), flow, out _);

        Assert.Equal(2, flow.Responses.Count());
        Assert.Equal(SipRequestDisposition.NewTransaction, afterJ);
    }

    [Fact]
    public void Invite_Answered_LetsGoOfItsMessagesButStillAbsorbsRetransmissions()
    {
        var flow = new FakeFlow();
        _layer.ProcessRequest(TestMessages.Request("INVITE"), flow, out var tx);
        tx!.SendResponse(SipMessageFactory.CreateResponse(tx.Request, 200, toTag: "t"));

        var retransmission = _layer.ProcessRequest(TestMessages.Request("INVITE"), flow, out _);

        Assert.Throws<InvalidOperationException>(() => tx.Request);
        Assert.Null(tx.LastResponse);
        Assert.Equal(SipRequestDisposition.Absorbed, retransmission);
        Assert.Equal([100, 200], flow.Responses.Select(r => r.StatusCode));
    }

    [Fact]
    public void Invite_Rejected_RetransmittedInviteGetsTheSameFinalFromBytesKept()
    {
        var flow = new FakeFlow();
        _layer.ProcessRequest(TestMessages.Request("INVITE"), flow, out var tx);
        tx!.SendResponse(SipMessageFactory.CreateResponse(tx.Request, 486, toTag: "t"));

        _layer.ProcessRequest(TestMessages.Request("INVITE"), flow, out _);

        Assert.Throws<InvalidOperationException>(() => tx.Request);
        Assert.Equal([100, 486, 486], flow.Responses.Select(r => r.StatusCode));
    }

    public void Dispose() => _scheduler.Dispose();
}
