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
using Parley.Voice.Calls.Control;
using Parley.Voice.Calls.Ports;
using Parley.Voice.Ivr;
using Parley.Voice.Queues;
using Parley.Voice.Numbers;
using Parley.Voice.Records;
using Parley.Voice.Recording;

namespace Parley.Voice.Calls;

/// <summary>
/// Takes the calls <see cref="VoiceRouter"/> resolved to a tenant's number: answers them (SDP, media), starts one
/// <see cref="InboundCall"/> each, and hands every later request of their dialogs — the caller's and the agents' legs —
/// to the right call (BYE, SIP INFO digits, re-INVITE). Calls agents placed join them once answered (<see cref="Adopt"/>).
/// </summary>
public sealed partial class InboundCalls : VoiceCallHandler
{
    private readonly CallServices _services;
    private readonly ConcurrentDictionary<SipDialog, InboundCall> _callers = new();
    private readonly ConcurrentDictionary<SipDialog, (InboundCall Call, AgentLeg Leg)> _agents = new();
    private readonly ConcurrentDictionary<Guid, InboundCall> _byId = new();
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
        ILoggerFactory loggers,
        ICallbacks? callbacks = null,
        IVoicemails? voicemails = null,
        RecordingClock? recordingClock = null)
    {
        Callbacks = callbacks;
        Voicemails = voicemails;
        ArgumentNullException.ThrowIfNull(loggers);
        _logger = loggers.CreateLogger<InboundCalls>();
        _portsFull = new MediaPortRefusals(options, time, _logger);
        RecordingClock = recordingClock ?? new RecordingClock(time);
        _services = new CallServices(engine, stack, dialogs, this, routing, phones, trunks, waiting, flows, speech, http, interpreter, audio, records, options, time, loggers, _logger);
    }

    /// <summary>Where a flow's <c>offerCallback</c> queues the callback; null: the block fails (its <c>onFailure</c>).</summary>
    internal ICallbacks? Callbacks { get; }

    /// <summary>Where a flow's <c>voicemail</c> block queues the message; null: the block takes <c>onEmpty</c>.</summary>
    internal IVoicemails? Voicemails { get; }

    /// <summary>Writes the frames of every call recording on this node.</summary>
    internal RecordingClock RecordingClock { get; }

    /// <summary>Calls to numbers in progress on this node.</summary>
    public int ActiveCalls => _callers.Count;

    /// <summary>Calls refused with 503 because no RTP port pair was free, since start.</summary>
    public long RefusedForMediaPorts => _portsFull.Refused;

    /// <summary>Raised when a call is over and its records are closed (tests and metrics).</summary>
    public event Action<Guid>? CallEnded;

    /// <summary>Raised when an agent's phone held, resumed or transferred a call (the host reports it as the API's events).</summary>
    public event Action<PhoneAction>? PhoneActed;

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
            NumberId = resolution.NumberId,
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
        _byId[callId] = inbound;
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
            call.CallerGone(call.CustomerHangUpCause);
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

        if (request.Method == SipMethods.Refer && _agents.TryGetValue(dialog, out var referrer))
        {
            return ValueTask.FromResult(Refer(dialog, referrer.Call, referrer.Leg, request));
        }

        if (request.Method == SipMethods.Refer && _callers.TryGetValue(dialog, out var placed))
        {
            return ValueTask.FromResult(ReferOnConsultation(dialog, placed, request));
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
            if (_agents.TryGetValue(dialog, out var agent))
            {
                // The agent's phone put the call on hold (a=sendonly or inactive) or took it off (sendrecv): as the API does.
                CallCommand command = answer.Audio.CanSend ? new CallCommand.Resume() : new CallCommand.Hold();
                var done = new TaskCompletionSource<CallControlResult>(TaskCreationOptions.RunContinuationsAsynchronously);
                var changesHold = (command is CallCommand.Hold) != (agent.Call.View?.OnHoldSince is not null); // not a session refresh
                agent.Call.Post(new CallSignal.Control(command, agent.Leg.AgentId, done));
                if (changesHold)
                {
                    _ = ReportPhoneActionAsync(agent.Call, agent.Leg.AgentId, command, done.Task);
                }
            }

            return ValueTask.FromResult<ReadOnlyMemory<byte>?>(Encoding.ASCII.GetBytes(answer.Description.ToString()));
        }
        catch (SdpException)
        {
            return ValueTask.FromResult<ReadOnlyMemory<byte>?>(null);
        }
    }

    /// <summary>
    /// Carries out <paramref name="agentId"/>'s <paramref name="command"/> on their live call <paramref name="callId"/> (the call
    /// record's id, or the id of the ACD interaction the agent is handling) of
    /// <paramref name="tenantId"/> on this node, in the call's mailbox. Another tenant's call, a call on another node or a
    /// call bridged with another agent answer <see cref="CallControlOutcome.NotFound"/>.
    /// </summary>
    public async Task<CallControlResult> ControlAsync(Guid tenantId, Guid callId, Guid agentId, CallCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var call = Lookup(callId);
        if (call is null || call.TenantId != tenantId || call.Completion.IsCompleted)
        {
            // Another tenant's, not on this node, or over (and about to be forgotten): not found.
            return CallControlResult.NotFound;
        }

        if (call.ConnectedAgentId is not { } connected)
        {
            // Talking without an agent (the agent left a conference, a supervisor took the call) is no agent's call: not
            // found, as for a stranger. Waiting or ringing is not connected yet.
            return call.Mixed ? CallControlResult.NotFound : CallControlResult.NotConnected;
        }

        if (connected != agentId)
        {
            return CallControlResult.NotFound;
        }

        var done = new TaskCompletionSource<CallControlResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        call.Post(new CallSignal.Control(command, agentId, done));
        return await AnswerOfAsync(done, command is CallCommand.AddParty or CallCommand.Consult ? JoinTimeout : ControlTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Carries out supervisor <paramref name="supervisorId"/>'s <paramref name="command"/> on the live call
    /// <paramref name="callId"/> (the call record's id or its ACD interaction's id) of <paramref name="tenantId"/> on this
    /// node, in the call's mailbox. A call of another tenant or not on this node (or over) answers
    /// <see cref="CallControlOutcome.NotFound"/>; one that is not talking to anyone (waiting, in the IVR)
    /// <see cref="CallControlOutcome.NotConnected"/>, except that <see cref="SupervisorCommand.Release"/> ends a call in any
    /// state. <see cref="SupervisorCommand.Monitor"/> is answered once the supervisor's phone answered (with the leg's id)
    /// or gave up.
    /// </summary>
    public async Task<CallControlResult> SuperviseAsync(Guid tenantId, Guid callId, Guid supervisorId, SupervisorCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var call = Lookup(callId);
        if (call is null || call.TenantId != tenantId || call.Completion.IsCompleted)
        {
            // Another tenant's, not on this node, or over (and about to be forgotten): not found.
            return CallControlResult.NotFound;
        }

        if (command is SupervisorCommand.Release && call.ConnectedAgentId is null && !call.Mixed && !call.TalkingOutside)
        {
            // In the flow, waiting or ringing in a queue, ringing an outside number: nobody the mailbox releases leg by leg,
            // and a flow does not read the mailbox. The call is ended from outside, as a drain does, and answered once over.
            call.ReleaseBySupervisor(supervisorId);
            await WaitQuietlyAsync(call.Completion, ControlTimeout, cancellationToken).ConfigureAwait(false);
            return CallControlResult.Done;
        }

        if (command is not SupervisorCommand.Release && call.ConnectedAgentId is null && !call.Mixed)
        {
            return CallControlResult.NotConnected;
        }

        var done = new TaskCompletionSource<CallControlResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        call.Post(new CallSignal.Supervise(command, supervisorId, done));
        return await AnswerOfAsync(done, command is SupervisorCommand.Monitor ? JoinTimeout : ControlTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits for <paramref name="step"/> at most <paramref name="timeout"/>; after that goes on anyway.</summary>
    private async Task WaitQuietlyAsync(Task step, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await step.WaitAsync(timeout, _services.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Still closing its records: the release is under way all the same.
        }
    }

    private async Task<CallControlResult> AnswerOfAsync(TaskCompletionSource<CallControlResult> done, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await done.Task.WaitAsync(timeout, _services.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return CallControlResult.NotConnected;
        }
    }

    /// <summary>
    /// The live call <paramref name="callId"/> (the call record's id or its ACD interaction's id) of
    /// <paramref name="tenantId"/> on this node, as the workspace shows it.
    /// </summary>
    public LiveCallView? Find(Guid tenantId, Guid callId) =>
        Lookup(callId) is { } call && call.TenantId == tenantId ? call.View : null;

    /// <summary>The call by its record's id, else the call whose ACD interaction is <paramref name="id"/>.</summary>
    private InboundCall? Lookup(Guid id) =>
        _byId.TryGetValue(id, out var byId) ? byId : _byId.Values.FirstOrDefault(c => c.View?.InteractionId == id);

    /// <summary>The live call bridged with <paramref name="agentId"/> on this node (an agent talks on one call at a time).</summary>
    public LiveCallView? FindByAgent(Guid tenantId, Guid agentId) =>
        _byId.Values.Select(c => c.View).FirstOrDefault(v => v is not null && v.TenantId == tenantId && v.AgentId == agentId);

    /// <summary>
    /// The calls of <paramref name="tenantId"/> on this node whose agent holds the customer now: since when, by the call's
    /// interaction (one pass over the node's calls, for the supervisor dashboard).
    /// </summary>
    public Dictionary<Guid, DateTimeOffset> OnHold(Guid tenantId)
    {
        var held = new Dictionary<Guid, DateTimeOffset>();
        foreach (var call in _byId.Values)
        {
            if (call.View is { OnHoldSince: { } since, InteractionId: { } interaction } view && view.TenantId == tenantId)
            {
                held[interaction] = since;
            }
        }

        return held;
    }

    /// <summary>
    /// A blind REFER from an agent's phone (RFC 3515): <c>Refer-To</c> a number (<c>sip:+15551234567@…</c>, <c>tel:…</c>)
    /// transfers the customer as the API does and answers 202; the final NOTIFY (sipfrag) reports the outcome. A target
    /// that is not a number answers 603. With Replaces it is an attended transfer (<see cref="ReferWithReplaces"/>).
    /// </summary>
    private int Refer(SipDialog dialog, InboundCall call, AgentLeg leg, SipRequest request)
    {
        var referTo = request.Headers.GetValue(SipHeaderKind.ReferTo);
        if (referTo is null)
        {
            return 400;
        }

        if (SipReplaces.TryFindInReferTo(referTo, out var replaces))
        {
            return replaces is null ? 400 : ReferWithReplaces(dialog, call, leg, replaces);
        }

        if (!E164.TryNormalise(ReferUser(referTo), NumberingRule.None, out var number))
        {
            return 603;
        }

        var done = new TaskCompletionSource<CallControlResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var transfer = new CallCommand.Transfer(new CallTransferTarget.Number(number));
        call.Post(new CallSignal.Control(transfer, leg.AgentId, done, FromRefer: true));
        _ = NotifyRefusedAsync(dialog, done.Task);
        _ = ReportPhoneActionAsync(call, leg.AgentId, transfer, done.Task);
        return 202;
    }

    /// <summary>Raises <see cref="PhoneActed"/> once the call carried out what the agent's phone asked.</summary>
    private async Task ReportPhoneActionAsync(InboundCall call, Guid agentId, CallCommand command, Task<CallControlResult> answered)
    {
        var result = await answered.ConfigureAwait(false);
        if (result.Outcome == CallControlOutcome.Done)
        {
            PhoneActed?.Invoke(new PhoneAction(call.TenantId, call.Id, agentId, command, result));
        }
    }

    /// <summary>A REFER the call could not carry out (not bridged now) ends its subscription with sipfrag 603.</summary>
    private static async Task NotifyRefusedAsync(SipDialog dialog, Task<CallControlResult> answered)
    {
        try
        {
            if ((await answered.ConfigureAwait(false)).Outcome != CallControlOutcome.Done)
            {
                await dialog.NotifyReferAsync(603, final: true).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            // The phone is gone: nobody to tell.
        }
    }

    /// <summary>The user part of a Refer-To value (<c>&lt;sip:user@host;…&gt;</c>, <c>tel:+1…</c>).</summary>
    private static string ReferUser(string referTo)
    {
        var value = referTo.Trim().Trim('<', '>');
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        value = colon >= 0 ? value[(colon + 1)..] : value;
        var end = value.IndexOfAny(['@', ';', '?', '>']);
        return end >= 0 ? value[..end] : value;
    }

    /// <summary>How long a command may wait for its call's mailbox.</summary>
    private static readonly TimeSpan ControlTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long a command that rings a phone (a party, a supervisor) may wait: the ring time and some.</summary>
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(40);

    internal void AttachAgentLeg(SipDialog dialog, InboundCall call, AgentLeg leg) => _agents[dialog] = (call, leg);

    internal void DetachAgentLeg(SipDialog dialog) => _agents.TryRemove(dialog, out _);

    private MediaSession? SessionOf(SipDialog dialog) =>
        _callers.TryGetValue(dialog, out var call) ? call.Session
        : _agents.TryGetValue(dialog, out var agent) ? agent.Leg.Session
        : null;

    private void Forget(SipDialog dialog, Guid callId)
    {
        _byId.TryRemove(callId, out _);
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
