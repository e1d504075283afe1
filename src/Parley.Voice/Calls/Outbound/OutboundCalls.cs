using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Parley.Media;
using Parley.Media.Sdp;
using Parley.Sip.Dialogs;
using Parley.Sip.Messages;
using Parley.Sip.Stack;
using Parley.Voice.Audio;
using Parley.Voice.Calls.Control;
using Parley.Voice.Calls.Ports;
using Parley.Voice.Queues;
using Parley.Voice.Records;

namespace Parley.Voice.Calls.Outbound;

/// <summary>
/// The calls agents place on this node (click to dial, internal calls by extension, callbacks): starts each one's ACD
/// interaction and its <see cref="OutboundCall"/>, and while it rings hands the later requests of its legs' dialogs (BYE,
/// SIP INFO digits, re-INVITE) to the right call and carries out the agent's hang-up. Once both sides answered the call
/// belongs to <see cref="InboundCalls"/> (<see cref="InboundCalls.Adopt"/>). Never chosen for an incoming INVITE.
/// </summary>
public sealed class OutboundCalls : VoiceCallHandler
{
    /// <summary>How long the agent's own phone rings before the call gives up (<c>agent_no_answer</c>).</summary>
    public static readonly TimeSpan DefaultAgentRingTime = TimeSpan.FromSeconds(30);

    /// <summary>How long the destination rings before the call gives up (<c>no_answer</c>).</summary>
    public static readonly TimeSpan DefaultFarEndRingTime = TimeSpan.FromSeconds(45);

    private static readonly TimeSpan ControlTimeout = TimeSpan.FromSeconds(10);

    private readonly OutboundCallServices _services;
    private readonly ConcurrentDictionary<Guid, OutboundCall> _byId = new();
    private readonly ConcurrentDictionary<SipDialog, (OutboundCall Call, AgentLeg Leg)> _legs = new();

    public OutboundCalls(
        MediaEngine engine,
        Func<SipStack> stack,
        VoiceDialogs dialogs,
        Func<InboundCalls> connectedCalls,
        ICallRouting routing,
        ICallAudio audio,
        ICallRecordStore records,
        InboundCallOptions options,
        TimeProvider time,
        ILoggerFactory loggers,
        IQueueCallerSettings? queues = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        _services = new OutboundCallServices(
            engine, stack, dialogs, this, connectedCalls, routing, audio, records, options, queues,
            DefaultAgentRingTime, DefaultFarEndRingTime, time, loggers.CreateLogger<OutboundCalls>());
    }

    /// <summary>Agents' own calls in progress on this node.</summary>
    public int ActiveCalls => _byId.Count;

    /// <summary>Raised when a call is over and its records are closed, or handed over connected (tests and metrics).</summary>
    public event Action<Guid>? CallEnded;

    /// <summary>
    /// Raised when a call an agent holds connected (once the connected call talks, so its controls answer) or ended without
    /// connecting; the host tells the agent's screens and webhooks.
    /// </summary>
    public event Action<PlacedCallOutcome>? Settled;

    public override bool Handles(string calledUser) => false;

    public override ValueTask<SipDialog?> OnInviteAsync(SipIncomingCall call, CancellationToken cancellationToken) =>
        ValueTask.FromResult<SipDialog?>(null);

    /// <summary>
    /// Starts the call: its ACD interaction first (refused when the agent is not signed in to routing or already has a
    /// call or an offer ringing), then its record, then the agent's phone rings. The outcome (connected, busy, no answer)
    /// is in the call record and its release cause.
    /// </summary>
    public async Task<DialResult> DialAsync(OutboundDial dial, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dial);
        var callId = Guid.CreateVersion7();
        var interactionId = Guid.CreateVersion7();
        var internalCall = dial.Destination is OutboundDestination.Agent;
        var (caller, called) = dial.Destination switch
        {
            OutboundDestination.Number n => (n.CallerId, n.E164),
            OutboundDestination.Agent a => (dial.AgentExtension, a.Extension),
            _ => (null, null),
        };
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [PlacedCallAttributes.Direction] = internalCall ? PlacedCallAttributes.Internal : PlacedCallAttributes.Outbound,
            ["calledNumber"] = called ?? string.Empty,
            ["callId"] = callId.ToString(),
        };
        var refusal = await _services.Routing.StartDirectAsync(
            new DirectCallRequest(dial.TenantId, interactionId, dial.AgentId, dial.QueueId, attributes), cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            OutboundLog.Refused(_services.Logger, callId, dial.AgentId, refusal);
            return DialResult.Refused(refusal);
        }

        var record = new CallRecord
        {
            Id = callId,
            TenantId = dial.TenantId,
            NodeId = _services.Options.NodeId,
            Direction = internalCall ? CallDirection.Internal : CallDirection.Outbound,
            SipCallId = string.Empty,
            CallerNumber = caller,
            CalledNumber = called,
            TrunkId = (dial.Destination as OutboundDestination.Number)?.Trunk.Id,
            ArrivedAt = _services.Time.GetUtcNow(),
            QueueId = dial.QueueId,
            AgentId = dial.AgentId,
            InteractionId = interactionId,
        };
        var call = new OutboundCall(_services, dial, LocalAddress(), record);
        _byId[callId] = call;
        call.Start();
        _ = call.Completion.ContinueWith(_ => Forget(callId), TaskScheduler.Default);
        return new DialResult(callId, interactionId, null);
    }

    /// <summary>
    /// Starts the callback <paramref name="interactionId"/> routing offered <paramref name="dial"/>'s agent: in preview
    /// mode rings the agent (until <paramref name="offerExpiresAt"/> and the ring grace) and, when they answer, takes the
    /// offer and calls the customer; customer first, takes the offer, calls the customer, and rings the agent once they answer.
    /// </summary>
    internal OutboundCall StartCallback(OutboundDial dial, Guid interactionId, DateTimeOffset offerExpiresAt, CallbackMode mode = CallbackMode.Preview)
    {
        var number = (OutboundDestination.Number)dial.Destination;
        var record = new CallRecord
        {
            Id = Guid.CreateVersion7(),
            TenantId = dial.TenantId,
            NodeId = _services.Options.NodeId,
            Direction = CallDirection.Outbound,
            SipCallId = string.Empty,
            CallerNumber = number.CallerId,
            CalledNumber = number.E164,
            TrunkId = number.Trunk.Id,
            ArrivedAt = _services.Time.GetUtcNow(),
            QueueId = dial.QueueId == Guid.Empty ? null : dial.QueueId,
            AgentId = dial.AgentId,
            InteractionId = interactionId,
        };
        var call = new OutboundCall(_services, dial, LocalAddress(), record, callback: true)
        {
            OfferExpiresAt = offerExpiresAt,
            CustomerFirst = mode == CallbackMode.CustomerFirst,
        };
        _byId[record.Id] = call;
        call.Start();
        _ = call.Completion.ContinueWith(_ => Forget(record.Id), TaskScheduler.Default);
        return call;
    }

    /// <summary>
    /// Ends every placed call still ringing on this node because its drain limit was reached
    /// (<see cref="OutboundCall.EndForDrain"/>: the phones are cancelled or hung up, records closed with cause
    /// <c>node_drain</c>); completes once each is closed. Returns how many it ended.
    /// </summary>
    public async Task<int> EndAllForDrainAsync()
    {
        var calls = _byId.Values.ToList();
        foreach (var call in calls)
        {
            call.EndForDrain();
        }

        await Task.WhenAll(calls.Select(c => c.Completion)).ConfigureAwait(false);
        return calls.Count;
    }

    /// <summary>
    /// Carries out <paramref name="agentId"/>'s <paramref name="command"/> on their own call <paramref name="callId"/> (the
    /// record's id or the interaction's) of <paramref name="tenantId"/> on this node; another tenant's or agent's call is
    /// <see cref="CallControlOutcome.NotFound"/>.
    /// </summary>
    public async Task<CallControlResult> ControlAsync(Guid tenantId, Guid callId, Guid agentId, CallCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var call = _byId.TryGetValue(callId, out var byId) ? byId : _byId.Values.FirstOrDefault(c => c.InteractionId == callId);
        if (call is null || call.TenantId != tenantId || call.AgentId != agentId)
        {
            return CallControlResult.NotFound;
        }

        var done = new TaskCompletionSource<CallControlResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        call.Post(new CallSignal.Control(command, agentId, done));
        try
        {
            return await done.Task.WaitAsync(ControlTimeout, _services.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return CallControlResult.NotConnected;
        }
    }

    public override ValueTask OnDialogTerminatedAsync(SipDialog dialog, CancellationToken cancellationToken)
    {
        if (_legs.TryRemove(dialog, out var leg))
        {
            leg.Call.Post(new CallSignal.AgentHungUp(leg.Leg, "hangup"));
        }

        return ValueTask.CompletedTask;
    }

    public override ValueTask<int> OnDialogRequestAsync(SipDialog dialog, SipRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method == SipMethods.Info && request.ContentType?.TrimStart().StartsWith(Media.Dtmf.DtmfRelay.ContentType, StringComparison.OrdinalIgnoreCase) == true)
        {
            var session = _legs.TryGetValue(dialog, out var leg) ? leg.Leg.Session : null;
            return ValueTask.FromResult(session is not null && session.HandleDtmfRelay(Encoding.UTF8.GetString(request.Body.Span)) ? 200 : 400);
        }

        return base.OnDialogRequestAsync(dialog, request, cancellationToken);
    }

    public override ValueTask<ReadOnlyMemory<byte>?> OnReInviteAsync(SipDialog dialog, SipRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(request);
        if (!_legs.TryGetValue(dialog, out var leg) || request.Body.IsEmpty)
        {
            return ValueTask.FromResult<ReadOnlyMemory<byte>?>(null);
        }

        try
        {
            var answer = SdpNegotiator.CreateAnswer(
                SdpParser.Parse(request.Body.Span),
                new SdpOfferParameters(_services.Engine.AdvertisedAddressFor(dialog.Flow.LocalEndPoint.Address), leg.Leg.Session.LocalPort) { SessionVersion = 2 });
            // Hold from the agent's phone is the connected call's (InboundCalls), once both sides answered.
            leg.Leg.Session.Update(answer.Audio);
            return ValueTask.FromResult<ReadOnlyMemory<byte>?>(Encoding.ASCII.GetBytes(answer.Description.ToString()));
        }
        catch (SdpException)
        {
            return ValueTask.FromResult<ReadOnlyMemory<byte>?>(null);
        }
    }

    internal void AttachLeg(SipDialog dialog, OutboundCall call, AgentLeg leg) => _legs[dialog] = (call, leg);

    internal void DetachLeg(SipDialog dialog) => _legs.TryRemove(dialog, out _);

    internal void Report(PlacedCallOutcome outcome) => Settled?.Invoke(outcome);

    /// <summary>The address the node's SIP listens on, for the From host and the SDP of its legs.</summary>
    private IPAddress LocalAddress()
    {
        var listeners = _services.Stack().Listeners;
        return _services.Engine.AdvertisedAddressFor(listeners.Count > 0 ? listeners[0].EndPoint.Address : null);
    }

    private void Forget(Guid callId)
    {
        _byId.TryRemove(callId, out _);
        CallEnded?.Invoke(callId);
    }
}
