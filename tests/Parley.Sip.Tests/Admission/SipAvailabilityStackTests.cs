using Microsoft.Extensions.Time.Testing;
using Parley.Sip.Admission;
using Parley.Sip.Messages;
using Parley.Sip.Stack;
using Parley.Sip.Tests.Support;
using Parley.Sip.Transport;

namespace Parley.Sip.Tests.Admission;

/// <summary>
/// A node that takes no new calls (<see cref="SipStackOptions.Availability"/>: it is draining) answers new INVITEs and
/// OPTIONS probes 503 with Retry-After, while the calls it holds keep working; driven in memory with a fake clock.
/// </summary>
public sealed class SipAvailabilityStackTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly FakeFlow _flow = new();
    private readonly HoldingApplication _app = new();
    private readonly Availability _availability = new();
    private readonly List<SipAdmissionRefusal> _refusals = [];
    private readonly SipStack _stack;

    public SipAvailabilityStackTests()
    {
        var options = new SipStackOptions { Availability = _availability };
        options.Admission.Enabled = false; // the drain does not depend on admission limits
        options.Admission.RetryAfter = TimeSpan.FromSeconds(3);
        _stack = new SipStack(options, _app, timeProvider: _time);
        _stack.Admission.Refused += _refusals.Add;
    }

    private ISipMessageSink Sink => _stack;

    [Fact]
    public void ADrainingNode_AnswersNewInvitesAndOptionsProbes503WithRetryAfter_AndStartsNoCall()
    {
        Sink.OnMessage(AdmissionMessages.Options("probe-1"), _flow);
        Assert.Equal(200, Assert.Single(_flow.Responses, r => r.CallId == "probe-1@test").StatusCode);

        _availability.AcceptsNewCalls = false;
        Sink.OnMessage(AdmissionMessages.Options("probe-2"), _flow);
        Sink.OnMessage(AdmissionMessages.Invite("c1"), _flow);

        var probe = Assert.Single(_flow.Responses, r => r.CallId == "probe-2@test");
        Assert.Equal((503, "3"), (probe.StatusCode, probe.Headers.GetValue(SipHeaderKind.RetryAfter)));
        var refused = Assert.Single(_flow.Responses, r => r.CallId == "c1@test");
        Assert.Equal((503, "3"), (refused.StatusCode, refused.Headers.GetValue(SipHeaderKind.RetryAfter)));
        Assert.Empty(_app.Calls);
        Assert.Equal([SipAdmissionRefusal.NodeDraining], _refusals);
        Assert.Equal(2, _stack.Transactions.ServerTransactionCount); // the two OPTIONS: none kept for the refused INVITE
    }

    [Fact]
    public void ACallAnsweredBeforeTheDrain_KeepsItsReInviteOptionsAndBye()
    {
        Sink.OnMessage(AdmissionMessages.Invite("c1"), _flow);
        var dialog = _app.Calls[0].Answer(default);
        Sink.OnMessage(AdmissionMessages.Ack("c1", dialog.LocalTag), _flow);

        _availability.AcceptsNewCalls = false;
        Sink.OnMessage(AdmissionMessages.ReInvite("c1", dialog.LocalTag), _flow);
        Sink.OnMessage(AdmissionMessages.Options("c1", dialog.LocalTag), _flow);
        Sink.OnMessage(AdmissionMessages.Bye("c1", dialog.LocalTag), _flow);

        Assert.Contains(_flow.Responses, r => r.CallId == "c1@test" && r.CSeq.Method == SipMethods.Invite && r.CSeq.Number == 2 && r.StatusCode == 200);
        Assert.Contains(_flow.Responses, r => r.CallId == "c1@test" && r.CSeq.Method == SipMethods.Options && r.StatusCode == 200);
        Assert.Contains(_flow.Responses, r => r.CallId == "c1@test" && r.CSeq.Method == SipMethods.Bye && r.StatusCode == 200);
        Assert.DoesNotContain(_flow.Responses, r => r.StatusCode == 503);
        Assert.Empty(_refusals);
    }

    public async ValueTask DisposeAsync() => await _stack.DisposeAsync();

    private sealed class Availability : ISipAvailability
    {
        public bool AcceptsNewCalls { get; set; } = true;
    }
}
