using Microsoft.Extensions.Time.Testing;
using Parley.Sip.Admission;
using Parley.Sip.Messages;
using Parley.Sip.Stack;
using Parley.Sip.Tests.Support;
using Parley.Sip.Transport;

namespace Parley.Sip.Tests.Admission;

/// <summary>Admission control in the UAS core, driven in memory with a fake clock.</summary>
public sealed class SipAdmissionStackTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly FakeFlow _flow = new();
    private readonly HoldingApplication _app = new();
    private readonly List<SipAdmissionRefusal> _refusals = [];
    private SipStack? _stack;

    private ISipMessageSink Sink => _stack!;

    [Fact]
    public void InviteBeyondTheNodeRate_WithinASecond_Gets503WithRetryAfter_AndNoCall()
    {
        Start(o => o.Node = new SipAdmissionLimit { CallsPerSecond = 5 });

        for (var i = 1; i <= 6; i++)
        {
            Sink.OnMessage(AdmissionMessages.Invite($"c{i}"), _flow);
        }

        Assert.Equal(5, _app.Calls.Count);
        var refused = Assert.Single(_flow.Responses, r => r.StatusCode == 503);
        Assert.Equal("c6@test", refused.CallId);
        Assert.Equal("1", refused.Headers.GetValue(SipHeaderKind.RetryAfter));
        Assert.NotNull(refused.To.Tag);
        Assert.DoesNotContain(_flow.Responses, r => r.CallId == "c6@test" && r.StatusCode == 100);
        Assert.Equal([SipAdmissionRefusal.NodeRate], _refusals);
        Assert.Equal(5, _stack!.Admission.ConcurrentCalls);
        Assert.Equal(5, _stack.Transactions.ServerTransactionCount);
    }

    [Fact]
    public void NodeBucket_AfterASecond_AdmitsAgain()
    {
        Start(o => o.Node = new SipAdmissionLimit { CallsPerSecond = 2 });
        Sink.OnMessage(AdmissionMessages.Invite("c1"), _flow);
        Sink.OnMessage(AdmissionMessages.Invite("c2"), _flow);
        Sink.OnMessage(AdmissionMessages.Invite("c3"), _flow);

        _time.Advance(TimeSpan.FromMilliseconds(500));
        Sink.OnMessage(AdmissionMessages.Invite("c4"), _flow);

        Assert.Equal(["c1@test", "c2@test", "c4@test"], _app.Calls.Select(c => c.Request.CallId));
    }

    [Fact]
    public void RetransmittedAdmittedInvite_IsAbsorbed_NotCountedAgain()
    {
        Start(o => o.Node = new SipAdmissionLimit { CallsPerSecond = 2 });
        Sink.OnMessage(AdmissionMessages.Invite("c1"), _flow);

        Sink.OnMessage(AdmissionMessages.Invite("c1"), _flow);
        Sink.OnMessage(AdmissionMessages.Invite("c1"), _flow);
        Sink.OnMessage(AdmissionMessages.Invite("c2"), _flow);

        Assert.Equal(2, _app.Calls.Count);
        Assert.DoesNotContain(_flow.Responses, r => r.StatusCode == 503);
        Assert.Equal(2, _stack!.Admission.ConcurrentCalls);
    }

    [Fact]
    public void RetransmittedRefusedInvite_IsRefusedAgainWithTheSameTag_WithoutTakingAToken()
    {
        var again = 0;
        Start(o => o.Node = new SipAdmissionLimit { CallsPerSecond = 1 });
        _stack!.Admission.RetransmissionRefused += () => again++;
        Sink.OnMessage(AdmissionMessages.Invite("c1"), _flow);
        Sink.OnMessage(AdmissionMessages.Invite("c2"), _flow);
        _time.Advance(TimeSpan.FromSeconds(1));

        Sink.OnMessage(AdmissionMessages.Invite("c2"), _flow);
        Sink.OnMessage(AdmissionMessages.Invite("c3"), _flow);

        var refusals = _flow.Responses.Where(r => r.CallId == "c2@test").ToList();
        Assert.Equal([503, 503], refusals.Select(r => r.StatusCode));
        Assert.Equal(refusals[0].To.Tag, refusals[1].To.Tag);
        Assert.Equal(1, again);
        Assert.Equal(["c1@test", "c3@test"], _app.Calls.Select(c => c.Request.CallId));
    }

    [Fact]
    public void AckOfThe503_KeepsNoState()
    {
        Start(o => o.Node = new SipAdmissionLimit { MaxConcurrentCalls = 1 });
        Sink.OnMessage(AdmissionMessages.Invite("c1"), _flow);
        Sink.OnMessage(AdmissionMessages.Invite("c2"), _flow);
        var tag = _flow.Responses.Single(r => r.StatusCode == 503).To.Tag!;

        Sink.OnMessage(Ack("c2", tag), _flow);

        Assert.Equal(1, _stack!.Transactions.ServerTransactionCount);
        Assert.Equal(0, _stack.DialogCount);
    }

    [Fact]
    public void InDialogRequestsAndCancel_AtSaturation_AreNeverRefused()
    {
        Start(o => o.Node = new SipAdmissionLimit { CallsPerSecond = 2, MaxConcurrentCalls = 2 });
        Sink.OnMessage(AdmissionMessages.Invite("c1"), _flow);
        var dialog = _app.Calls[0].Answer(default);
        Sink.OnMessage(Ack("c1", dialog.LocalTag), _flow);
        Sink.OnMessage(AdmissionMessages.Invite("c2"), _flow);
        Sink.OnMessage(AdmissionMessages.Invite("c3"), _flow);
        Assert.Contains(_flow.Responses, r => r.CallId == "c3@test" && r.StatusCode == 503);

        Sink.OnMessage(ReInvite("c1", dialog.LocalTag), _flow);
        Sink.OnMessage(AdmissionMessages.Cancel("c2"), _flow);
        Sink.OnMessage(AdmissionMessages.Bye("c1", dialog.LocalTag), _flow);

        Assert.Contains(_flow.Responses, r => r.CallId == "c1@test" && r.CSeq.Method == SipMethods.Invite && r.CSeq.Number == 2 && r.StatusCode == 200);
        Assert.Contains(_flow.Responses, r => r.CallId == "c2@test" && r.CSeq.Method == SipMethods.Cancel && r.StatusCode == 200);
        Assert.Contains(_flow.Responses, r => r.CallId == "c2@test" && r.StatusCode == 487);
        Assert.Contains(_flow.Responses, r => r.CallId == "c1@test" && r.CSeq.Method == SipMethods.Bye && r.StatusCode == 200);
        Assert.Single(_refusals);
    }

    [Theory]
    [InlineData("caller hangs up (BYE)")]
    [InlineData("we hang up (BYE)")]
    [InlineData("caller cancels")]
    [InlineData("rejected 486")]
    [InlineData("handler fails (500)")]
    [InlineData("answered, never acknowledged")]
    [InlineData("session not refreshed")]
    public async Task ConcurrencySlot_IsGivenBack_HoweverTheCallEnds(string end)
    {
        Start(o => o.Node = new SipAdmissionLimit { MaxConcurrentCalls = 1 }, end == "handler fails (500)" ? new FailingApplication() : null);
        Sink.OnMessage(AdmissionMessages.Invite("c1"), _flow);
        Assert.Equal(end == "handler fails (500)" ? 0 : 1, _stack!.Admission.ConcurrentCalls);

        await EndCall(end);

        Assert.Equal(0, _stack.Admission.ConcurrentCalls);
        Sink.OnMessage(AdmissionMessages.Invite("c2"), _flow);
        Assert.DoesNotContain(_flow.Responses, r => r.StatusCode == 503);
        Assert.Contains(_flow.Responses, r => r.CallId == "c2@test" && r.StatusCode is 100 or 500);
    }

    [Fact]
    public void ConcurrencySlot_IsHeldWhileTheCallLasts()
    {
        Start(o => o.Node = new SipAdmissionLimit { MaxConcurrentCalls = 1 });
        Sink.OnMessage(AdmissionMessages.Invite("c1"), _flow);
        var dialog = _app.Calls[0].Answer(default);
        Sink.OnMessage(Ack("c1", dialog.LocalTag), _flow);

        _time.Advance(TimeSpan.FromMinutes(5)); // the INVITE transaction is long gone (timer L), the dialog is not

        Sink.OnMessage(AdmissionMessages.Invite("c2"), _flow);
        Assert.Contains(_flow.Responses, r => r.CallId == "c2@test" && r.StatusCode == 503);
        Assert.Equal([SipAdmissionRefusal.NodeConcurrency], _refusals);
    }

    [Fact]
    public void TenantFlooding_IsRefusedByItsOwnLimit_WithoutRefusingAnotherTenant()
    {
        Start(o =>
        {
            o.Node = new SipAdmissionLimit { CallsPerSecond = 10 };
            o.PerTenant = new SipAdmissionLimit { CallsPerSecond = 3 };
            o.ScopeResolver = (request, _) => new SipAdmissionScope(Tenant: request.Uri.Host);
        });

        for (var i = 0; i < 20; i++)
        {
            Sink.OnMessage(AdmissionMessages.Invite($"a{i}", host: "a.parley.test"), _flow);
        }

        for (var i = 0; i < 3; i++)
        {
            Sink.OnMessage(AdmissionMessages.Invite($"b{i}", host: "b.parley.test"), _flow);
        }

        Assert.Equal(3, _app.Calls.Count(c => c.Request.Uri.Host == "a.parley.test"));
        Assert.Equal(3, _app.Calls.Count(c => c.Request.Uri.Host == "b.parley.test"));
        Assert.Equal(17, _refusals.Count);
        Assert.All(_refusals, r => Assert.Equal(SipAdmissionRefusal.TenantRate, r));
        Assert.Equal(3, _stack!.Admission.ConcurrentCallsOf("b.parley.test"));
    }

    [Fact]
    public void NamedTenant_GetsItsOwnConcurrentCap()
    {
        Start(o =>
        {
            o.Tenants["big.parley.test"] = new SipAdmissionLimit { MaxConcurrentCalls = 3 };
            o.PerTenant = new SipAdmissionLimit { MaxConcurrentCalls = 1 };
            o.ScopeResolver = (request, _) => new SipAdmissionScope(Tenant: request.Uri.Host);
        });

        for (var i = 0; i < 4; i++)
        {
            Sink.OnMessage(AdmissionMessages.Invite($"big{i}", host: "big.parley.test"), _flow);
            Sink.OnMessage(AdmissionMessages.Invite($"small{i}", host: "small.parley.test"), _flow);
        }

        Assert.Equal(3, _app.Calls.Count(c => c.Request.Uri.Host == "big.parley.test"));
        Assert.Equal(1, _app.Calls.Count(c => c.Request.Uri.Host == "small.parley.test"));
        Assert.All(_refusals, r => Assert.Equal(SipAdmissionRefusal.TenantConcurrency, r));
    }

    [Fact]
    public void TrunkLimit_FromTheScope_CapsItsCalls()
    {
        var trunkLimit = new SipAdmissionLimit { MaxConcurrentCalls = 2 };
        Start(o => o.ScopeResolver = (_, _) => new SipAdmissionScope("acme", "trunk-1", trunkLimit));

        for (var i = 0; i < 3; i++)
        {
            Sink.OnMessage(AdmissionMessages.Invite($"t{i}"), _flow);
        }

        Assert.Equal(2, _app.Calls.Count);
        Assert.Equal([SipAdmissionRefusal.TrunkConcurrency], _refusals);
    }

    [Fact]
    public void NoLimitsSet_AdmitsEverything()
    {
        Start(_ => { });

        for (var i = 0; i < 500; i++)
        {
            Sink.OnMessage(AdmissionMessages.Invite($"n{i}"), _flow);
        }

        Assert.Equal(500, _app.Calls.Count);
        Assert.Empty(_refusals);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }
    }

    private static SipRequest Ack(string call, string toTag) => AdmissionMessages.Ack(call, toTag);

    private static SipRequest ReInvite(string call, string toTag) => AdmissionMessages.ReInvite(call, toTag);

    private void Start(Action<SipAdmissionOptions> configure, SipApplication? app = null)
    {
        var options = new SipStackOptions();
        configure(options.Admission);
        options.SessionTimers.IntervalSeconds = 90;
        _stack = new SipStack(options, app ?? _app, timeProvider: _time);
        _stack.Admission.Refused += _refusals.Add;
    }

    private async Task EndCall(string end)
    {
        switch (end)
        {
            case "caller hangs up (BYE)":
            {
                var dialog = _app.Calls[0].Answer(default);
                Sink.OnMessage(Ack("c1", dialog.LocalTag), _flow);
                Sink.OnMessage(AdmissionMessages.Bye("c1", dialog.LocalTag), _flow);
                break;
            }

            case "we hang up (BYE)":
            {
                var dialog = _app.Calls[0].Answer(default);
                Sink.OnMessage(Ack("c1", dialog.LocalTag), _flow);
                var bye = dialog.ByeAsync(TestContext.Current.CancellationToken);
                var sent = _flow.Sent.OfType<SipRequest>().Last(r => r.Method == SipMethods.Bye);
                Sink.OnMessage(TestMessages.ResponseTo(sent, 200, toTag: null), _flow);
                await bye;
                break;
            }

            case "caller cancels":
                Sink.OnMessage(AdmissionMessages.Cancel("c1"), _flow);
                break;
            case "rejected 486":
                _app.Calls[0].Reject(486);
                break;
            case "handler fails (500)":
                Assert.Contains(_flow.Responses, r => r.StatusCode == 500);
                break;
            case "answered, never acknowledged":
                _app.Calls[0].Answer(default);
                await AdvanceUntilNoCallIsHeld(TimeSpan.FromMinutes(3));
                break;
            case "session not refreshed":
            {
                var dialog = _app.Calls[0].Answer(default);
                Sink.OnMessage(Ack("c1", dialog.LocalTag), _flow);
                await AdvanceUntilNoCallIsHeld(TimeSpan.FromMinutes(5));
                break;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(end), end, null);
        }
    }

    /// <summary>
    /// Moves the fake clock a second at a time (at most <paramref name="limit"/>), letting the stack's continuations
    /// (a BYE sent when the 2xx or the session timer expires) run between steps; the yield proves no timing.
    /// </summary>
    private async Task AdvanceUntilNoCallIsHeld(TimeSpan limit)
    {
        for (var t = TimeSpan.Zero; t < limit && _stack!.Admission.ConcurrentCalls > 0; t += TimeSpan.FromSeconds(1))
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }
    }

    private sealed class FailingApplication : SipApplication
    {
        public override ValueTask OnInviteAsync(SipIncomingCall call, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("handler failed");
    }
}
