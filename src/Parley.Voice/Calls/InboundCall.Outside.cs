using Parley.Flows.Execution;
using Parley.Sip.Stack;
using Parley.Voice.Calls.Control;
using Parley.Voice.Calls.Ports;
using Parley.Voice.Numbers;
using Parley.Voice.Records;

namespace Parley.Voice.Calls;

internal sealed partial class InboundCall
{
    /// <summary>How long an outside number may ring before the flow hears "no answer".</summary>
    private static readonly TimeSpan OutsideRingTime = TimeSpan.FromSeconds(30);

    private volatile AgentLeg? _outside;

    /// <summary>True while the customer talks to an outside number (after a transfer to it): a supervisor may still release the call.</summary>
    public bool TalkingOutside => _outside is not null;

    /// <summary>
    /// The tenant's trunk that may call <paramref name="e164"/>; when there is none, null and <paramref name="done"/> is
    /// answered with the refusal (409) — an agent's transfer, consultation or added party is refused before anything changes.
    /// </summary>
    private async Task<OutboundTrunk?> TrunkForAgentAsync(string e164, TaskCompletionSource<CallControlResult> done)
    {
        var trunk = await _services.Trunks.FindAsync(TenantId, e164, _life.Token).ConfigureAwait(false);
        if (trunk is null)
        {
            done.TrySetResult(new CallControlResult(CallControlOutcome.Refused, "The tenant has no trunk that may call that number."));
        }

        return trunk;
    }

    /// <summary>
    /// A transfer to an outside number: INVITE it through the tenant's trunk (<paramref name="trunk"/> when the agent's
    /// transfer found it already), and on answer bridge the caller to it; the flow hears a failed transfer when the number
    /// is invalid, there is no trunk, or the far end does not answer.
    /// </summary>
    private async Task<FlowInput> CallOutsideAsync(TransferToNumberAction action, OutboundTrunk? trunk = null)
    {
        if (!E164.TryNormalise(action.Number, NumberingRule.None, out var number))
        {
            return new TransferFailedInput("invalid_number");
        }

        trunk ??= await _services.Trunks.FindAsync(TenantId, number, _life.Token).ConfigureAwait(false);
        if (trunk is null)
        {
            return new TransferFailedInput("no_trunk");
        }

        var callerId = action.CallerId is { Length: > 0 } chosen ? chosen : trunk.CallerIdFor(_record.CallerNumber, _record.CalledNumber);
        var options = new SipInviteOptions
        {
            From = $"sip:{callerId ?? "anonymous"}@{_localAddress}",
            Username = trunk.UserName,
            Password = trunk.Password,
        };
        var record = new CallLegRecord
        {
            Id = Guid.CreateVersion7(),
            CallId = Id,
            TenantId = TenantId,
            Party = CallParty.External,
            SipCallId = string.Empty,
            Address = number,
            CreatedAt = Now,
            RingingAt = Now,
        };
        var leg = AgentLeg.Ring(_services.Engine, Stack, _localAddress, Guid.Empty, trunk.TargetFor(number), options, record, Post, TrackAnswered);
        _legs.Add(leg);
        _record = _record with { TrunkId = _record.TrunkId ?? trunk.Id };
        using var ringOut = new CancellationTokenSource(OutsideRingTime, _services.Time);
        await using var stop = ringOut.Token.Register(leg.Cancel);
        await using var callerGone = _life.Token.Register(leg.Cancel);
        await foreach (var signal in _mailbox.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            switch (signal)
            {
                case CallSignal.Control or CallSignal.Supervise:
                    RefuseControl(signal);
                    break;
                case CallSignal.AgentAnswered answered when answered.Leg == leg:
                    if (_life.IsCancellationRequested)
                    {
                        await leg.HangUpAsync().ConfigureAwait(false);
                        return new TransferFailedInput("caller_gone");
                    }

                    leg.Record = leg.Record with { AnsweredAt = Now, SipStatus = 200, SipCallId = leg.Dialog!.CallId };
                    await SaveLegAsync(leg).ConfigureAwait(false);
                    _outside = leg;
                    _bridge = AudioBridge.Connect(Session, leg.Session);
                    AttachRecorder();
                    _record = _record with { AnsweredAt = _record.AnsweredAt ?? Now, Disposition = CallDisposition.Answered };
                    await SaveAsync().ConfigureAwait(false);
                    return FlowInput.PromptFinished;
                case CallSignal.AgentFailed failed when failed.Leg == leg:
                    leg.Record = leg.Record with { EndedAt = Now, SipStatus = failed.Status, ReleaseCause = failed.Status == 487 ? "no_answer" : "far_end_" + failed.Status };
                    await SaveLegAsync(leg).ConfigureAwait(false);
                    return new TransferFailedInput(failed.Status == 487 ? "no_answer" : failed.Status is 486 or 600 ? "busy" : "failed");
                case CallSignal.CallerHungUp:
                    // The caller left while the number rang: the leg is cancelled above; the flow ends on cancellation.
                    Post(signal);
                    _life.Token.ThrowIfCancellationRequested();
                    break;
            }
        }

        return new TransferFailedInput("caller_gone");
    }

    /// <summary>The caller and the outside number talk until either hangs up or a supervisor releases the call.</summary>
    private async Task TalkOutsideAsync()
    {
        var leg = _outside!;
        await foreach (var signal in _mailbox.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (signal is CallSignal.Supervise { Command: SupervisorCommand.Release } release)
            {
                CallLog.Supervised(_services.Logger, Id, release.SupervisorId, "release");
                await EndOutsideAsync(leg, "supervisor_release", CallParty.Supervisor, hangUpLeg: true, hangUpCaller: true).ConfigureAwait(false);
                release.Done.TrySetResult(CallControlResult.Done);
                return;
            }

            if (RefuseControl(signal))
            {
                continue;
            }

            var customerLeft = signal is CallSignal.CallerHungUp;
            if (customerLeft)
            {
                await EndOutsideAsync(leg, CustomerHangUpCause, CustomerParty, hangUpLeg: true, hangUpCaller: false).ConfigureAwait(false);
                return;
            }

            if (signal is CallSignal.AgentHungUp hungUp && hungUp.Leg == leg)
            {
                await EndOutsideAsync(leg, "far_end_hangup", CallParty.External, hangUpLeg: false, hangUpCaller: true).ConfigureAwait(false);
                return;
            }
        }
    }

    /// <summary>Ends the conversation with the outside number: BYE to the legs still up, the leg's and the call's cause.</summary>
    private async Task EndOutsideAsync(AgentLeg leg, string cause, CallParty releasedBy, bool hangUpLeg, bool hangUpCaller)
    {
        _bridge?.Disconnect();
        _bridge = null;
        _services.Owner.DetachAgentLeg(leg.Dialog!);
        if (hangUpLeg)
        {
            await leg.HangUpAsync().ConfigureAwait(false);
        }

        if (hangUpCaller)
        {
            await HangUpCallerAsync().ConfigureAwait(false);
        }

        leg.Record = leg.Record with { EndedAt = Now, ReleaseCause = cause };
        await SaveLegAsync(leg).ConfigureAwait(false);
        _record = _record with { ReleaseCause = cause, ReleasedBy = releasedBy };
        _outside = null;
    }
}
