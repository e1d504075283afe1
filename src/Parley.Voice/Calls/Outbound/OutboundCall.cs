using System.Net;
using System.Threading.Channels;
using Parley.Sip.Stack;
using Parley.Voice.Calls.Control;
using Parley.Voice.Records;

namespace Parley.Voice.Calls.Outbound;

/// <summary>
/// A call an agent places (click to dial, or an internal call by extension): Parley rings the agent's phone, and when it
/// answers calls the destination — an outside number through the tenant's trunk, or another agent's phone — and bridges
/// the two. The agent's ACD interaction (started by <see cref="OutboundCalls"/>) keeps them busy until the end, when
/// they go to wrap-up. Everything that happens to it is posted to one mailbox and handled in order, as for
/// <see cref="InboundCall"/>. Once both sides answered, the call is handed to <see cref="InboundCalls.Adopt"/> and goes on
/// there as a connected call (hold, transfer, consult transfer, conference, monitoring and recording are that code's);
/// this object only dials, and ends without touching the records or the interaction it handed over.
/// </summary>
internal sealed partial class OutboundCall
{
    private readonly OutboundCallServices _services;
    private readonly Channel<CallSignal> _mailbox = Channel.CreateUnbounded<CallSignal>(new UnboundedChannelOptions { SingleReader = true });
    private readonly OutboundDial _dial;
    private readonly IPAddress _localAddress;
    private readonly List<AgentLeg> _legs = [];
    private CallRecord _record;
    private AgentLeg? _agent;
    private AgentLeg? _far;

    /// <summary>
    /// Whether the agent has the interaction: at once for a call they place; for a callback only once their phone answered
    /// and routing accepted the offer. Until then nothing is recorded (a phone that does not answer leaves no record).
    /// </summary>
    private bool _accepted;

    /// <summary>Whether routing tells this call when its interaction ends (<see cref="PlacedCallListener"/>).</summary>
    private bool _watched;

    /// <summary>The interaction was ended from outside, so closing does not end it again.</summary>
    private bool _endedInRouting;

    public OutboundCall(OutboundCallServices services, OutboundDial dial, IPAddress localAddress, CallRecord record, bool callback = false)
    {
        _services = services;
        _dial = dial;
        _localAddress = localAddress;
        _record = record;
        IsCallback = callback;
        _accepted = !callback;
    }

    /// <summary>A callback the ACD offered to the agent (rather than a call the agent placed).</summary>
    public bool IsCallback { get; }

    public Guid Id => _record.Id;

    public Guid TenantId => _dial.TenantId;

    public Guid AgentId => _dial.AgentId;

    public Guid InteractionId => _record.InteractionId!.Value;

    /// <summary>Completes when the call is over and everything is released.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    public void Start() => Completion = Task.Run(RunAsync);

    internal void Post(CallSignal signal) => _mailbox.Writer.TryWrite(signal);

    /// <summary>The interaction was ended from outside: this call ends, or the connected call it was handed over to.</summary>
    internal void RoutingEnded(string reason)
    {
        var ended = new CallSignal.RoutingEnded(reason);
        if (_adopted is { } adopted)
        {
            adopted.Post(ended);
        }
        else if (!_mailbox.Writer.TryWrite(ended) && _adopted is { } handedOverMeanwhile)
        {
            handedOverMeanwhile.Post(ended);
        }
    }

    private DateTimeOffset Now => _services.Time.GetUtcNow();

    private SipStack Stack => _services.Stack();

    private string Destination => _dial.Destination switch
    {
        OutboundDestination.Number n => n.E164,
        OutboundDestination.Agent a => "ext:" + a.Extension,
        _ => "?",
    };

    private async Task RunAsync()
    {
        try
        {
            await SaveAsync().ConfigureAwait(false);
            if (!IsCallback)
            {
                _watched = await _services.Routing.WatchAsync(TenantId, InteractionId, new PlacedCallListener(this)).ConfigureAwait(false);
            }

            if (!CustomerFirst)
            {
                RingAgent();
            }
            else if (await TakeOfferForTheAgentAsync().ConfigureAwait(false))
            {
                CallFarEnd();
            }
            else
            {
                return;
            }

            await foreach (var signal in _mailbox.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                if (await HandleAsync(signal).ConfigureAwait(false))
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            OutboundLog.Failed(_services.Logger, Id, ex);
            _record = _record with { ReleaseCause = _record.ReleaseCause ?? "error", ReleasedBy = _record.ReleasedBy ?? CallParty.System };
        }
        finally
        {
            await CloseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Handles one signal; true when the call is over.</summary>
    private async Task<bool> HandleAsync(CallSignal signal)
    {
        switch (signal)
        {
            case CallSignal.AgentAnswered answered when answered.Leg == _agent && CustomerFirst:
                await MarkAnsweredAsync(_agent).ConfigureAwait(false);
                await HandOverAsync().ConfigureAwait(false);
                return true;
            case CallSignal.AgentAnswered answered when answered.Leg == _agent:
                if (!await TakeOfferAsync(_agent).ConfigureAwait(false))
                {
                    return true;
                }

                _record = _record with { SipCallId = _agent.Dialog!.CallId };
                await SaveAsync().ConfigureAwait(false);
                await MarkAnsweredAsync(_agent).ConfigureAwait(false);
                CallFarEnd();
                return false;
            case CallSignal.AgentFailed failed when failed.Leg == _agent:
                if (!CustomerFirst)
                {
                    await MissOfferAsync().ConfigureAwait(false);
                }

                await MarkFailedAsync(_agent, failed.Status, AgentCause(failed.Status)).ConfigureAwait(false);
                Release(AgentCause(failed.Status), CallParty.System, CallDisposition.NotAnswered);
                return true;
            case CallSignal.AgentAnswered answered when answered.Leg == _far:
                await MarkAnsweredAsync(_far).ConfigureAwait(false);
                if (CustomerFirst)
                {
                    await HoldTheCustomerWhileTheAgentRingsAsync().ConfigureAwait(false);
                    return false;
                }

                await HandOverAsync().ConfigureAwait(false);
                return true;
            case CallSignal.AgentFailed failed when failed.Leg == _far:
                var cause = FarCause(failed.Status);
                await MarkFailedAsync(_far, failed.Status, cause).ConfigureAwait(false);
                Release(cause, _far.CancelRequested ? CallParty.System : CallParty.External, CallDisposition.NotAnswered);
                return true;
            case CallSignal.AgentHungUp hungUp when hungUp.Leg == _agent:
                Release("agent_hangup", CallParty.Agent, CallDisposition.NotAnswered);
                _agent.Record = _agent.Record with { EndedAt = Now, ReleaseCause = "agent_hangup" };
                return true;
            case CallSignal.AgentHungUp hungUp when hungUp.Leg == _far:
                Release("far_end_hangup", CallParty.External, CallDisposition.NotAnswered);
                _far.Record = _far.Record with { EndedAt = Now, ReleaseCause = "far_end_hangup" };
                return true;
            case CallSignal.Control control:
                return await ControlAsync(control).ConfigureAwait(false);
            case CallSignal.RoutingEnded ended:
                // The agent or a supervisor ended the interaction through the API: the phones are cancelled or hung up.
                _endedInRouting = true;
                Release("ended_" + ended.Reason, CallParty.System, CallDisposition.NotAnswered);
                return true;
            case CallSignal.OfferWithdrawn withdrawn when !_accepted && withdrawn.AgentId == AgentId:
                _withdrawn = true;
                _agent?.Cancel();
                return false;
            default:
                return false;
        }
    }

    /// <summary>INVITEs the agent's own phone, showing the destination as the caller, for the agent ring time.</summary>
    private void RingAgent()
    {
        var shown = _dial.Destination switch
        {
            OutboundDestination.Number n => n.E164,
            OutboundDestination.Agent a => a.Extension,
            _ => "outbound",
        };
        var options = new SipInviteOptions
        {
            From = $"sip:{shown}@{_localAddress}",
            FromDisplayName = IsCallback ? $"Callback: {shown}"
                : _dial.Destination is OutboundDestination.Agent a2 ? $"Calling {a2.Phone.AgentName} ({a2.Extension})" : $"Calling {shown}",
            Route = _dial.AgentPhone.Route,
        };
        OutboundLog.Dialing(_services.Logger, Id, AgentId, Destination, _dial.AgentPhone.Uri);
        _agent = Ring(_dial.AgentPhone.Uri, options, CallParty.Agent, AgentId, _dial.AgentPhone.Uri, AgentRingTime);
    }

    /// <summary>The agent answered: INVITE the number through the trunk, or the other agent's phone.</summary>
    private void CallFarEnd()
    {
        switch (_dial.Destination)
        {
            case OutboundDestination.Number number:
                var options = new SipInviteOptions
                {
                    From = $"sip:{number.CallerId ?? "anonymous"}@{_localAddress}",
                    Username = number.Trunk.UserName,
                    Password = number.Trunk.Password,
                };
                var target = number.Trunk.TargetFor(number.E164);
                OutboundLog.CallingFarEnd(_services.Logger, Id, target);
                _far = Ring(target, options, CallParty.External, null, number.E164, _services.FarEndRingTime);
                break;
            case OutboundDestination.Agent agent:
                var caller = _dial.AgentExtension ?? "agent";
                var internalOptions = new SipInviteOptions
                {
                    From = $"sip:{caller}@{_localAddress}",
                    FromDisplayName = $"{_dial.AgentPhone.AgentName} ({caller})",
                    Route = agent.Phone.Route,
                };
                OutboundLog.CallingFarEnd(_services.Logger, Id, agent.Phone.Uri);
                _far = Ring(agent.Phone.Uri, internalOptions, CallParty.Agent, agent.AgentId, agent.Phone.Uri, _services.FarEndRingTime);
                break;
        }
    }

    private AgentLeg Ring(string target, SipInviteOptions options, CallParty party, Guid? agentId, string address, TimeSpan ringFor)
    {
        var record = new CallLegRecord
        {
            Id = Guid.CreateVersion7(),
            CallId = Id,
            TenantId = TenantId,
            Party = party,
            SipCallId = string.Empty,
            Address = address,
            AgentId = agentId,
            CreatedAt = Now,
            RingingAt = Now,
        };
        var leg = AgentLeg.Ring(_services.Engine, Stack, _localAddress, agentId ?? Guid.Empty, target, options, record, Post, TrackAnswered);
        _legs.Add(leg);
        _ = Task.Delay(ringFor, _services.Time, CancellationToken.None).ContinueWith(_ => leg.Cancel(), TaskScheduler.Default);
        _ = TryAsync(() => SaveLegAsync(leg));
        return leg;
    }

    private void TrackAnswered(AgentLeg answered)
    {
        _services.Dialogs.Track(answered.Dialog!, _services.Owner);
        _services.Owner.AttachLeg(answered.Dialog!, this, answered);
    }

    private async Task MarkAnsweredAsync(AgentLeg leg)
    {
        leg.Record = leg.Record with { AnsweredAt = Now, SipStatus = 200, SipCallId = leg.Dialog!.CallId };
        await SaveLegAsync(leg).ConfigureAwait(false);
    }

    private async Task MarkFailedAsync(AgentLeg leg, int status, string cause)
    {
        leg.Record = leg.Record with { EndedAt = Now, SipStatus = status, ReleaseCause = cause };
        await SaveLegAsync(leg).ConfigureAwait(false);
    }

    private void Release(string cause, CallParty by, CallDisposition disposition) =>
        _record = _record with { ReleaseCause = _record.ReleaseCause ?? cause, ReleasedBy = _record.ReleasedBy ?? by, Disposition = _record.Disposition ?? disposition };

    /// <summary>Why the agent's own phone did not take the call.</summary>
    private static string AgentCause(int status) => status switch
    {
        487 or 408 or 480 => "agent_no_answer",
        486 or 600 or 603 => "agent_busy",
        _ => "agent_phone_" + status,
    };

    /// <summary>Why the destination did not take the call: <c>no_answer</c>, <c>busy</c>, <c>invalid_number</c>, <c>failed_{status}</c>.</summary>
    private static string FarCause(int status) => status switch
    {
        487 or 408 or 480 => "no_answer",
        486 or 600 or 603 => "busy",
        404 or 484 or 604 => "invalid_number",
        _ => "failed_" + status,
    };

    /// <summary>Releases everything the call holds, ends its interaction (the agent goes to wrap-up) and closes its records.</summary>
    private async Task CloseAsync()
    {
        if (_adopted is { } adopted)
        {
            ForwardLeftovers(adopted);
            return;
        }

        MarkEndedByDrain();
        var now = Now;
        foreach (var leg in _legs)
        {
            leg.Cancel();
            if (leg.Dialog is { } dialog)
            {
                _services.Owner.DetachLeg(dialog);
                _services.Dialogs.TryRemove(dialog, out _);
                if (leg.Record.EndedAt is null)
                {
                    await leg.HangUpAsync().ConfigureAwait(false);
                }
            }

            if (leg.Record.EndedAt is null)
            {
                leg.Record = leg.Record with { EndedAt = now, SipStatus = leg.Record.SipStatus ?? 487, ReleaseCause = _record.ReleaseCause ?? "normal" };
            }

            await TryAsync(() => SaveLegAsync(leg)).ConfigureAwait(false);
            await leg.DisposeAsync().ConfigureAwait(false);
        }

        if (_watched)
        {
            await TryAsync(() => _services.Routing.ForgetAsync(TenantId, InteractionId).AsTask()).ConfigureAwait(false);
        }

        if (_accepted && !_endedInRouting)
        {
            await TryAsync(() => _services.Routing.EndAsync(TenantId, InteractionId).AsTask()).ConfigureAwait(false);
        }

        _record = _record with
        {
            EndedAt = now,
            ReleaseCause = _record.ReleaseCause ?? "normal",
            ReleasedBy = _record.ReleasedBy ?? CallParty.System,
            Disposition = _record.Disposition ?? CallDisposition.NotAnswered,
        };
        await TryAsync(SaveAsync).ConfigureAwait(false);
        if (_accepted && !_endedInRouting)
        {
            Report(_record.ReleaseCause);
        }

        _mailbox.Writer.TryComplete();
        while (_mailbox.Reader.TryRead(out var left))
        {
            (left as CallSignal.Control)?.Done.TrySetResult(CallControlResult.NotFound);
        }

        OutboundLog.Ended(_services.Logger, Id, _record.ReleaseCause!, _record.Disposition?.ToString() ?? "none");
    }

    private Task SaveAsync() => _accepted ? _services.Records.SaveCallAsync(_record).AsTask() : Task.CompletedTask;

    private Task SaveLegAsync(AgentLeg leg) => _accepted ? _services.Records.SaveLegAsync(leg.Record).AsTask() : Task.CompletedTask;

    private async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            OutboundLog.CleanupFailed(_services.Logger, Id, ex);
        }
    }
}
