using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;
using Parley.Flows.Execution;
using Parley.Media;
using Parley.Media.Sdp;
using Parley.Sip.Dialogs;
using Parley.Sip.Messages;
using Parley.Sip.Stack;
using Parley.Voice.Audio;
using Parley.Speech.Recognition;
using Parley.Voice.Calls.Ports;
using Parley.Voice.Ivr;
using Parley.Voice.Queues;
using Parley.Voice.Numbers;
using Parley.Voice.Records;

namespace Parley.Voice.Calls;

/// <summary>
/// Takes the calls <see cref="VoiceRouter"/> resolved to a tenant's number: answers them (SDP, media), starts one
/// <see cref="InboundCall"/> each, and hands every later request of their dialogs — the caller's and the agents' legs —
/// to the right call (BYE, SIP INFO digits, re-INVITE).
/// </summary>
public sealed class InboundCalls : VoiceCallHandler
{
    private readonly CallServices _services;
    private readonly ConcurrentDictionary<SipDialog, InboundCall> _callers = new();
    private readonly ConcurrentDictionary<SipDialog, (InboundCall Call, AgentLeg Leg)> _agents = new();
    private readonly ILogger _logger;
    private readonly MediaPortRefusals _portsFull;
    private int _admitted;

    public InboundCalls(
        MediaEngine engine,
        Func<SipStack> stack,
        VoiceDialogs dialogs,
        ICallRouting routing,
        IAgentPhones phones,
        IOutboundTrunks trunks,
        IQueueCallerSettings waiting,
        IPublishedFlows flows,
        ISpeechToText speech,
        IFlowHttpClient http,
        FlowInterpreter interpreter,
        ICallAudio audio,
        ICallRecordStore records,
        InboundCallOptions options,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        _logger = loggers.CreateLogger<InboundCalls>();
        _portsFull = new MediaPortRefusals(options, time, _logger);
        _services = new CallServices(engine, stack, dialogs, this, routing, phones, trunks, waiting, flows, speech, http, interpreter, audio, records, options, time, loggers, _logger);
    }

    /// <summary>Calls to numbers in progress on this node.</summary>
    public int ActiveCalls => _callers.Count;

    /// <summary>Calls refused with 503 because no RTP port pair was free, since start.</summary>
    public long RefusedForMediaPorts => _portsFull.Refused;

    /// <summary>Raised when a call is over and its records are closed (tests and metrics).</summary>
    public event Action<Guid>? CallEnded;

    /// <summary>Never chosen by called user: <see cref="VoiceRouter"/> sends resolved numbers here itself.</summary>
    public override bool Handles(string calledUser) => false;

    public override ValueTask<SipDialog?> OnInviteAsync(SipIncomingCall call, CancellationToken cancellationToken) =>
        ValueTask.FromResult<SipDialog?>(null);

    /// <summary>Answers a call to a resolved number and starts it; null when it was refused (the response is sent).</summary>
    public async ValueTask<SipDialog?> AnswerAsync(SipIncomingCall call, InboundResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(resolution);
        if (Interlocked.Increment(ref _admitted) > _services.Options.MaxConcurrentCalls)
        {
            Interlocked.Decrement(ref _admitted);
            call.Reject(486, "Busy Here");
            return null;
        }

        var answered = await AnswerMediaAsync(call).ConfigureAwait(false);
        if (answered is null)
        {
            Interlocked.Decrement(ref _admitted);
            return null;
        }

        var (dialog, session) = answered.Value;
        var now = _services.Time.GetUtcNow();
        var tenantId = resolution.TenantId!.Value;
        var callId = Guid.CreateVersion7();
        var caller = call.Request.From.Uri.User;
        var record = new CallRecord
        {
            Id = callId,
            TenantId = tenantId,
            NodeId = _services.Options.NodeId,
            Direction = CallDirection.Inbound,
            SipCallId = dialog.CallId,
            CallerNumber = caller,
            CalledNumber = resolution.Number,
            TrunkId = resolution.TrunkId,
            ArrivedAt = now,
            AnsweredByIvrAt = now,
        };
        var leg = new CallLegRecord
        {
            Id = Guid.CreateVersion7(),
            CallId = callId,
            TenantId = tenantId,
            Party = CallParty.Caller,
            SipCallId = dialog.CallId,
            Address = caller,
            CreatedAt = now,
            AnsweredAt = now,
        };
        var inbound = new InboundCall(_services, tenantId, dialog, session, call.LocalEndPoint.Address, record, leg);
        _callers[dialog] = inbound;
        session.ReceiveTimedOut += _ => inbound.CallerGone("media_timeout");
        CallLog.Answered(_logger, callId, dialog.CallId, tenantId, resolution.Number ?? string.Empty);
        inbound.Start(resolution.TargetId, resolution.TargetKind);
        _ = inbound.Completion.ContinueWith(_ => Forget(dialog, callId), TaskScheduler.Default);
        return dialog;
    }

    public override ValueTask OnDialogTerminatedAsync(SipDialog dialog, CancellationToken cancellationToken)
    {
        if (_callers.TryGetValue(dialog, out var call))
        {
            call.CallerGone("caller_hangup");
        }
        else if (_agents.TryRemove(dialog, out var agent))
        {
            agent.Call.Post(new CallSignal.AgentHungUp(agent.Leg, "agent_hangup"));
        }

        return ValueTask.CompletedTask;
    }

    public override ValueTask<int> OnDialogRequestAsync(SipDialog dialog, SipRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method == SipMethods.Info && request.ContentType?.TrimStart().StartsWith(Media.Dtmf.DtmfRelay.ContentType, StringComparison.OrdinalIgnoreCase) == true)
        {
            var session = SessionOf(dialog);
            return ValueTask.FromResult(session is not null && session.HandleDtmfRelay(Encoding.UTF8.GetString(request.Body.Span)) ? 200 : 400);
        }

        return base.OnDialogRequestAsync(dialog, request, cancellationToken);
    }

    public override ValueTask<ReadOnlyMemory<byte>?> OnReInviteAsync(SipDialog dialog, SipRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(request);
        var session = SessionOf(dialog);
        if (session is null || request.Body.IsEmpty)
        {
            return ValueTask.FromResult<ReadOnlyMemory<byte>?>(null);
        }

        try
        {
            var answer = SdpNegotiator.CreateAnswer(
                SdpParser.Parse(request.Body.Span),
                new SdpOfferParameters(_services.Engine.AdvertisedAddressFor(dialog.Flow.LocalEndPoint.Address), session.LocalPort) { SessionVersion = 2 });
            session.Update(answer.Audio);
            return ValueTask.FromResult<ReadOnlyMemory<byte>?>(Encoding.ASCII.GetBytes(answer.Description.ToString()));
        }
        catch (SdpException)
        {
            return ValueTask.FromResult<ReadOnlyMemory<byte>?>(null);
        }
    }

    internal void AttachAgentLeg(SipDialog dialog, InboundCall call, AgentLeg leg) => _agents[dialog] = (call, leg);

    internal void DetachAgentLeg(SipDialog dialog) => _agents.TryRemove(dialog, out _);

    private MediaSession? SessionOf(SipDialog dialog) =>
        _callers.TryGetValue(dialog, out var call) ? call.Session
        : _agents.TryGetValue(dialog, out var agent) ? agent.Leg.Session
        : null;

    private void Forget(SipDialog dialog, Guid callId)
    {
        if (_callers.TryRemove(dialog, out _))
        {
            Interlocked.Decrement(ref _admitted);
        }

        CallEnded?.Invoke(callId);
    }

    private async Task<(SipDialog Dialog, MediaSession Session)?> AnswerMediaAsync(SipIncomingCall call)
    {
        SessionDescription offer;
        try
        {
            offer = SdpParser.Parse(call.Offer.Span);
        }
        catch (SdpException ex)
        {
            call.Reject(call.Offer.IsEmpty ? 488 : ex.SipStatus);
            return null;
        }

        // The media ports are reserved before the call is answered: none free is a 503 with Retry-After, not a failure.
        var session = _services.Engine.TryCreateSession();
        if (session is null)
        {
            _portsFull.Refuse(call, _services.Engine.Ports.InUse);
            return null;
        }

        try
        {
            var answer = SdpNegotiator.CreateAnswer(offer, new SdpOfferParameters(_services.Engine.AdvertisedAddressFor(call.LocalEndPoint.Address), session.LocalPort));
            var dialog = call.Answer(Encoding.ASCII.GetBytes(answer.Description.ToString()));
            session.Start(answer.Audio);
            return (dialog, session);
        }
        catch (Exception ex) when (ex is SdpException or InvalidOperationException)
        {
            await session.DisposeAsync().ConfigureAwait(false);
            if (ex is SdpException sdp)
            {
                call.Reject(sdp.SipStatus);
            }

            return null;
        }
    }
}
