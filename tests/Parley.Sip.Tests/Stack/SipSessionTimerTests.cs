using System.Net;
using Microsoft.Extensions.Time.Testing;
using Parley.Sip.Dialogs;
using Parley.Sip.Messages;
using Parley.Sip.Stack;
using Parley.Sip.Tests.Support;

namespace Parley.Sip.Tests.Stack;

/// <summary>RFC 4028 between two Parley stacks on loopback; each side's timers run on its own clock.</summary>
public sealed class SipSessionTimerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly byte[] Sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n"u8.ToArray();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CallerAsksForAnInterval_CalleeMakesTheCallerRefresh_AndTheCallerRefreshesWithUpdateAtHalfTime()
    {
        var callerTime = new FakeTimeProvider();
        var callee = new EchoApplication();
        await using var uas = Start(callee, new SipSessionTimerOptions());
        await using var uac = Start(new EchoApplication(), new SipSessionTimerOptions { IntervalSeconds = 90 }, callerTime);

        var call = await uac.InviteAsync(Target(uas), Sdp, cancellationToken: Ct).WaitAsync(Timeout, Ct);
        var answered = await callee.Answered.Task.WaitAsync(Timeout, Ct);

        Assert.Equal("90;refresher=uac", call.Response.Headers.GetValue(SipHeaderKind.SessionExpires));
        Assert.Contains("timer", call.Response.Require);
        Assert.Equal(TimeSpan.FromSeconds(90), call.Dialog!.SessionInterval);
        Assert.True(call.Dialog.RefreshesSession);
        Assert.False(answered.RefreshesSession);

        callerTime.Advance(TimeSpan.FromSeconds(44));
        Assert.Equal(TimeSpan.FromSeconds(1), call.Dialog.SessionTimerDueIn); // not fired: the refresh is due at 45 s
        callerTime.Advance(TimeSpan.FromSeconds(2));
        var refresh = await callee.Info.Task.WaitAsync(Timeout, Ct);

        Assert.Equal(SipMethods.Update, refresh.Method);
        Assert.Equal("90;refresher=uac", refresh.Headers.GetValue(SipHeaderKind.SessionExpires));
        await call.Dialog.ByeAsync(Ct).WaitAsync(Timeout, Ct);
    }

    [Fact]
    public async Task RefresherThatFallsSilent_IsHungUpOnBeforeTheSessionExpires()
    {
        var calleeTime = new FakeTimeProvider();
        var caller = new EchoApplication();
        var callee = new EchoApplication();
        await using var uas = Start(callee, new SipSessionTimerOptions(), calleeTime);
        await using var uac = Start(caller, new SipSessionTimerOptions { IntervalSeconds = 90 });
        var call = await uac.InviteAsync(Target(uas), Sdp, cancellationToken: Ct).WaitAsync(Timeout, Ct);
        Assert.Equal(200, call.StatusCode);
        var answered = await callee.Answered.Task.WaitAsync(Timeout, Ct);

        // The caller's own clock never reaches its refresh; the callee gives up at 90 - min(32, 90/3) = 60 s.
        calleeTime.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(TimeSpan.FromSeconds(1), answered.SessionTimerDueIn); // not fired: the BYE is due at 60 s
        calleeTime.Advance(TimeSpan.FromSeconds(2));
        var ended = await caller.Ended.Task.WaitAsync(Timeout, Ct);

        Assert.Equal(call.Dialog!.CallId, ended.CallId);
        using var released = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        released.CancelAfter(Timeout);
        while (uas.DialogCount != 0)
        {
            await Task.Delay(10, released.Token); // the callee forgets the dialog when the 200 to its BYE arrives
        }
    }

    [Fact]
    public async Task IntervalBelowTheCalleesMinimum_Gets422_AndTheCallerRetriesWithItsMinSE()
    {
        await using var uas = Start(new EchoApplication(), new SipSessionTimerOptions { MinimumSeconds = 300 });
        await using var uac = Start(new EchoApplication(), new SipSessionTimerOptions { IntervalSeconds = 90 });

        var call = await uac.InviteAsync(Target(uas), Sdp, cancellationToken: Ct).WaitAsync(Timeout, Ct);

        Assert.Equal(200, call.StatusCode);
        Assert.Equal(2, call.Response.CSeq.Number);
        Assert.Equal(TimeSpan.FromSeconds(300), call.Dialog!.SessionInterval);
        await call.Dialog.ByeAsync(Ct).WaitAsync(Timeout, Ct);
    }

    [Fact]
    public async Task CallerThatAsksForNoTimer_GetsTheCalleesInterval()
    {
        var callee = new EchoApplication();
        await using var uas = Start(callee, new SipSessionTimerOptions { IntervalSeconds = 600 });
        await using var uac = Start(new EchoApplication(), new SipSessionTimerOptions { IntervalSeconds = 0 });

        var call = await uac.InviteAsync(Target(uas), Sdp, cancellationToken: Ct).WaitAsync(Timeout, Ct);
        var answered = await callee.Answered.Task.WaitAsync(Timeout, Ct);

        Assert.Equal("600;refresher=uac", call.Response.Headers.GetValue(SipHeaderKind.SessionExpires));
        Assert.Equal(TimeSpan.FromSeconds(600), call.Dialog!.SessionInterval);
        Assert.Equal(TimeSpan.FromSeconds(600), answered.SessionInterval);
        await call.Dialog.ByeAsync(Ct).WaitAsync(Timeout, Ct);
    }

    [Fact]
    public async Task TimersOffOnBothSides_NoSessionExpiration()
    {
        await using var uas = Start(new EchoApplication(), new SipSessionTimerOptions { IntervalSeconds = 0 });
        await using var uac = Start(new EchoApplication(), new SipSessionTimerOptions { IntervalSeconds = 0 });

        var call = await uac.InviteAsync(Target(uas), Sdp, cancellationToken: Ct).WaitAsync(Timeout, Ct);

        Assert.Null(call.Response.Headers.GetValue(SipHeaderKind.SessionExpires));
        Assert.Null(call.Dialog!.SessionInterval);
        await call.Dialog.ByeAsync(Ct).WaitAsync(Timeout, Ct);
    }

    private static string Target(SipStack uas) => $"sip:echo@127.0.0.1:{uas.Listeners[0].EndPoint.Port}";

    private static SipStack Start(SipApplication application, SipSessionTimerOptions timers, TimeProvider? time = null)
    {
        var options = new SipStackOptions { BindAddress = IPAddress.Loopback, Port = 0, EnableTcp = false, SessionTimers = timers };
        var stack = new SipStack(options, application, timeProvider: time);
        stack.Start();
        return stack;
    }
}
