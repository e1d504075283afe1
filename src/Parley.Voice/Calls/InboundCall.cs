using System.Net;
using System.Threading.Channels;
using Parley.Media;
using Parley.Sip.Dialogs;
using Parley.Voice.Calls.Ports;
using Parley.Voice.Records;

namespace Parley.Voice.Calls;

/// <summary>
/// One answered call to a tenant's number, from arrival to release: it runs the number's flow (or goes straight to the
/// queue), waits in the queue with music, rings the agents the ACD offers it to, bridges the one who answers, and ends
/// both legs when either side hangs up — writing the call and leg records at each milestone. Everything that happens to
/// it (SIP, routing, media) is posted to one mailbox and handled in order, so its state needs no locks; the routing
/// grain may live on another node. A call an agent placed continues here once both sides answered
/// (<c>InboundCall.Adopted.cs</c>).
/// </summary>
internal sealed partial class InboundCall : ICallRoutingListener
{
    private readonly CallServices _services;
    private readonly Channel<CallSignal> _mailbox = Channel.CreateUnbounded<CallSignal>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _life = new();
    private readonly IPAddress _localAddress;
    private CallRecord _record;
    private CallLegRecord _callerLeg;

    public InboundCall(CallServices services, Guid tenantId, SipDialog dialog, MediaSession session, IPAddress localAddress, CallRecord record, CallLegRecord callerLeg)
    {
        _services = services;
        TenantId = tenantId;
        Dialog = dialog;
        Session = session;
        _localAddress = localAddress;
        _record = record;
        _callerLeg = callerLeg;
    }

    public Guid Id => _record.Id;

    public Guid TenantId { get; }

    /// <summary>The caller's dialog.</summary>
    public SipDialog Dialog { get; }

    /// <summary>The caller's media.</summary>
    public MediaSession Session { get; }

    /// <summary>Completes when the call is over and everything is released.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    public void Start(Guid? targetId, Parley.Voice.Numbers.InboundTargetKind targetKind) =>
        Completion = Task.Run(() => RunAsync(targetId, targetKind));

    /// <summary>The caller hung up (BYE) or went silent: ends whatever the call is doing.</summary>
    public void CallerGone(string cause)
    {
        Post(new CallSignal.CallerHungUp(cause));
        _life.Cancel();
    }

    internal void Post(CallSignal signal) => _mailbox.Writer.TryWrite(signal);

    void ICallRoutingListener.OnOffered(Guid agentId, DateTimeOffset expiresAt) => Post(new CallSignal.Offered(agentId, expiresAt));

    void ICallRoutingListener.OnOfferWithdrawn(Guid agentId, string reason) => Post(new CallSignal.OfferWithdrawn(agentId, reason));

    void ICallRoutingListener.OnMoved(Guid queueId) => Post(new CallSignal.Moved(queueId));

    void ICallRoutingListener.OnEnded(string reason) => Post(new CallSignal.RoutingEnded(reason));

    private DateTimeOffset Now => _services.Time.GetUtcNow();
}
