using Parley.Media;
using Parley.Media.Mixing;
using Parley.Media.Rtp;
using Parley.Sip.Stack;
using Parley.Voice.Calls.Control;
using Parley.Voice.Records;

namespace Parley.Voice.Calls;

/// <summary>
/// Conference and supervision: legs beyond the customer and the agent (added parties, a supervisor) are rung, then
/// mixed with them through a <see cref="ConferenceBridge"/>; while there are none the call keeps its two-party
/// <see cref="AudioBridge"/>. Every change of who is on the call or how they are heard rebuilds the media
/// (<see cref="Remix"/>), in the mailbox, so the media never sees a half-made change.
/// </summary>
internal sealed partial class InboundCall
{
    /// <summary>How long a party's or a supervisor's phone may ring before the request is answered "no answer".</summary>
    private static readonly TimeSpan JoinRingTime = TimeSpan.FromSeconds(30);

    /// <summary>Answered legs in the mix besides the customer and the agent (added parties and the supervisor).</summary>
    private readonly List<AgentLeg> _members = [];

    /// <summary>Legs ringing to join, with the request each answers once it is answered or fails.</summary>
    private readonly Dictionary<AgentLeg, TaskCompletionSource<CallControlResult>> _joining = [];

    private ConferenceBridge? _conference;
    private volatile bool _mixed;

    /// <summary>True while the call's media is a conference (read from other threads to admit supervisor commands).</summary>
    public bool Mixed => _mixed;

    /// <summary>The customer is connected to someone (an agent, or after an intercept or the agent leaving, the others).</summary>
    private bool Talking => _bridge is not null || _conference is not null || _consultBridge is not null;

    /// <summary>Conference: rings an agent's phone or a number; the request is answered when it answers or fails.</summary>
    private async Task AddPartyAsync(CallSignal.Control control, CallTransferTarget target)
    {
        if (_heldSince is not null)
        {
            control.Done.TrySetResult(new CallControlResult(CallControlOutcome.Refused, "Resume the call before adding a party."));
            return;
        }

        CallLog.Controlled(_services.Logger, Id, _agent!.AgentId, "add party " + target);
        await RingPartyAsync(control, target, "Conference").ConfigureAwait(false);
    }

    /// <summary>
    /// Rings <paramref name="target"/> (an agent's own phone, or a number through the tenant's trunk) to join the call;
    /// the leg, or null when it cannot be rung (the request is then answered with the reason).
    /// </summary>
    private async Task<AgentLeg?> RingPartyAsync(CallSignal.Control control, CallTransferTarget target, string display)
    {
        var record = NewLeg(CallParty.Agent, string.Empty, null);
        string uri;
        var options = new SipInviteOptions
        {
            From = $"sip:{_record.CallerNumber ?? "anonymous"}@{_localAddress}",
            FromDisplayName = $"{display}: {_record.CallerNumber ?? "anonymous"}",
        };
        switch (target)
        {
            case CallTransferTarget.Agent agent when agent.AgentId == _agent?.AgentId || _members.Concat(_joining.Keys).Any(l => l.AgentId == agent.AgentId):
                control.Done.TrySetResult(new CallControlResult(CallControlOutcome.Refused, "That agent is already on this call."));
                return null;
            case CallTransferTarget.Agent agent:
                if (await _services.Phones.FindAsync(TenantId, agent.AgentId).ConfigureAwait(false) is not { } phone)
                {
                    control.Done.TrySetResult(new CallControlResult(CallControlOutcome.Refused, "That agent has no reachable phone."));
                    return null;
                }

                uri = phone.Uri;
                options.Route = phone.Route;
                record = record with { Address = phone.Uri, AgentId = agent.AgentId };
                break;
            case CallTransferTarget.Number number:
                if (await TrunkForAgentAsync(number.E164, control.Done).ConfigureAwait(false) is not { } trunk)
                {
                    return null;
                }

                uri = trunk.TargetFor(number.E164);
                record = record with { Party = CallParty.External, Address = number.E164 };
                options = new SipInviteOptions
                {
                    From = $"sip:{trunk.CallerIdFor(_record.CallerNumber, _record.CalledNumber) ?? "anonymous"}@{_localAddress}",
                    Username = trunk.UserName,
                    Password = trunk.Password,
                };
                _record = _record with { TrunkId = _record.TrunkId ?? trunk.Id };
                break;
            default:
                control.Done.TrySetResult(new CallControlResult(CallControlOutcome.Refused, "The party must be an agent or a number."));
                return null;
        }

        return await RingToJoinAsync(uri, record.AgentId ?? Guid.Empty, options, record, control.Done).ConfigureAwait(false);
    }

    /// <summary>Ends an added party's leg; the others keep talking.</summary>
    private async Task<bool> RemovePartyAsync(CallSignal.Control control, Guid legId)
    {
        var leg = _members.Find(m => m.Record.Id == legId && m != _supervisor);
        if (leg is null)
        {
            control.Done.TrySetResult(CallControlResult.NotFound);
            return false;
        }

        CallLog.Controlled(_services.Logger, Id, control.AgentId, "remove party " + legId);
        await EndMemberAsync(leg, "removed", hangUp: true).ConfigureAwait(false);
        Remix();
        control.Done.TrySetResult(CallControlResult.Done);
        return false;
    }

    /// <summary>
    /// The agent leaves a conference (their request or their phone's BYE): their leg and interaction end (wrap-up) and
    /// the customer keeps talking with the added parties.
    /// </summary>
    private async Task<bool> AgentLeavesAsync(bool hangUp, TaskCompletionSource<CallControlResult>? done)
    {
        if (!_members.Any(m => m != _supervisor))
        {
            done?.TrySetResult(new CallControlResult(CallControlOutcome.Refused, "Nobody else would stay with the customer: hang up or transfer instead."));
            return false;
        }

        CallLog.Controlled(_services.Logger, Id, _agent!.AgentId, "left the conference");
        await ReleaseAgentLegAsync("left_conference", fromRefer: false, hangUp).ConfigureAwait(false);
        Remix();
        done?.TrySetResult(CallControlResult.Done);
        return false;
    }

    private async Task<AgentLeg> RingToJoinAsync(string uri, Guid agentId, SipInviteOptions options, CallLegRecord record, TaskCompletionSource<CallControlResult> done)
    {
        var leg = AgentLeg.Ring(_services.Engine, Stack, _localAddress, agentId, uri, options, record, Post, TrackAnswered);
        _legs.Add(leg);
        _joining[leg] = done;
        _ = Task.Delay(JoinRingTime, _services.Time, CancellationToken.None).ContinueWith(_ => leg.Cancel(), TaskScheduler.Default);
        await SaveLegAsync(leg).ConfigureAwait(false);
        return leg;
    }

    private async Task OnJoinerAnsweredAsync(AgentLeg leg)
    {
        _joining.Remove(leg, out var done);
        leg.Record = leg.Record with { AnsweredAt = Now, SipStatus = 200, SipCallId = leg.Dialog!.CallId };
        if (leg.CancelRequested || !Talking)
        {
            _services.Owner.DetachAgentLeg(leg.Dialog!);
            await leg.HangUpAsync().ConfigureAwait(false);
            leg.Record = leg.Record with { EndedAt = Now, ReleaseCause = "call_changed" };
            await SaveLegAsync(leg).ConfigureAwait(false);
            done?.TrySetResult(CallControlResult.NotConnected);
            if (leg == _consultRinging)
            {
                // Answered just as it was cancelled (or its queue offer withdrawn): a queued consultation waits on;
                // otherwise the customer comes back to the agent.
                _consultRinging = null;
                if (_consultQueued is null && Talking)
                {
                    await BackFromConsultAsync().ConfigureAwait(false);
                }
            }

            return;
        }

        if (leg == _consultRinging)
        {
            if (!await TakeConsultOfferAsync(leg).ConfigureAwait(false))
            {
                return;
            }

            await OnConsultAnsweredAsync(leg).ConfigureAwait(false);
            done?.TrySetResult(new CallControlResult(CallControlOutcome.Done, LegId: leg.Record.Id));
            return;
        }

        if (leg == _supervisorRinging)
        {
            _supervisorRinging = null;
            _supervisor = leg;
        }

        _members.Add(leg);
        Remix();
        await SaveLegAsync(leg).ConfigureAwait(false);
        done?.TrySetResult(new CallControlResult(CallControlOutcome.Done, LegId: leg.Record.Id));
    }

    private async Task OnJoinerFailedAsync(AgentLeg leg, int status)
    {
        _joining.Remove(leg, out var done);
        if (leg == _supervisorRinging)
        {
            _supervisorRinging = null;
        }

        leg.Record = leg.Record with { EndedAt = Now, SipStatus = status, ReleaseCause = status == 487 ? "no_answer" : "phone_" + status };
        await SaveLegAsync(leg).ConfigureAwait(false);
        if (await OnQueuedConsultRingFailedAsync(leg).ConfigureAwait(false))
        {
            // The consultation waits in its queue for the next agent.
            return;
        }

        if (leg == _consultRinging)
        {
            // Nobody to consult: the customer comes back to the agent.
            _consultRinging = null;
            await BackFromConsultAsync().ConfigureAwait(false);
        }

        done?.TrySetResult(new CallControlResult(CallControlOutcome.Refused, status == 487 ? "The phone did not answer." : $"The phone refused the call ({status})."));
    }

    /// <summary>A party or the supervisor hung up; true when that leaves the customer with nobody and the call is over.</summary>
    private async Task<bool> OnMemberHungUpAsync(AgentLeg leg)
    {
        await EndMemberAsync(leg, leg == _supervisor ? "supervisor_hangup" : "party_hangup", hangUp: false).ConfigureAwait(false);
        Remix();
        return await EndIfAloneAsync().ConfigureAwait(false);
    }

    /// <summary>With no agent left, the call ends when nobody the customer can hear remains.</summary>
    private async Task<bool> EndIfAloneAsync()
    {
        if (_agent is not null || _members.Any(m => m != _supervisor || _mode == MonitorMode.Barge))
        {
            return false;
        }

        await ReleaseConferenceAsync("conference_ended", CallParty.System, hangUpCaller: true).ConfigureAwait(false);
        return true;
    }

    /// <summary>Ends the call once the agent is gone (after an intercept or the agent leaving): every leg goes.</summary>
    private async Task ReleaseConferenceAsync(string cause, CallParty by, bool hangUpCaller)
    {
        StopMedia();
        await ReleaseMembersAsync(cause).ConfigureAwait(false);
        if (hangUpCaller)
        {
            await HangUpCallerAsync().ConfigureAwait(false);
        }

        _record = _record with { ReleaseCause = cause, ReleasedBy = by };
    }

    /// <summary>Hangs up every added party and the supervisor and stops any phone still ringing to join.</summary>
    private async Task ReleaseMembersAsync(string cause)
    {
        foreach (var (leg, done) in _joining)
        {
            leg.Cancel();
            done.TrySetResult(CallControlResult.NotConnected);
        }

        _joining.Clear();
        _supervisorRinging = null;
        _consultRinging = null;
        if (_consultLeg is { } consulted)
        {
            _consultLeg = null;
            await EndLegAsync(consulted, cause, hangUp: true).ConfigureAwait(false);
        }

        foreach (var leg in _members.ToList())
        {
            await EndMemberAsync(leg, cause, hangUp: true).ConfigureAwait(false);
        }
    }

    private async Task EndMemberAsync(AgentLeg leg, string cause, bool hangUp)
    {
        _members.Remove(leg);
        if (leg == _supervisor)
        {
            _supervisor = null;
        }

        await EndLegAsync(leg, cause, hangUp).ConfigureAwait(false);
    }

    /// <summary>Ends an answered leg that is not the agent's (BYE unless its phone hung up) and closes its record.</summary>
    private async Task EndLegAsync(AgentLeg leg, string cause, bool hangUp)
    {
        _services.Owner.DetachAgentLeg(leg.Dialog!);
        if (hangUp)
        {
            await leg.HangUpAsync().ConfigureAwait(false);
        }

        leg.Record = leg.Record with { EndedAt = Now, ReleaseCause = cause };
        await SaveLegAsync(leg).ConfigureAwait(false);
        await EndRoutedLegAsync(leg).ConfigureAwait(false);
    }

    /// <summary>
    /// Rebuilds the call's media from who is on it: the customer and the agent alone keep the two-party relay; anyone
    /// else makes it a mixed conference in which the supervisor is heard as their mode says (listen: by nobody; whisper:
    /// by the agent only; barge: by everyone). The recording follows: the customer on the left, on the right everyone
    /// the customer hears.
    /// </summary>
    private void Remix()
    {
        StopMedia();
        if (_agent is not null && _members.Count == 0)
        {
            _bridge = AudioBridge.Connect(Session, _agent.Session);
            _bridge.Muted = _muted;
            AttachRecorder();
            return;
        }

        if (_members.Count == 0)
        {
            return;
        }

        var recorder = _recording?.Recorder;
        var conference = new ConferenceBridge();
        Session.Play(null);
        conference.Join(Session, recorder is null ? null : (MediaSession s, in RtpHeader _, ReadOnlySpan<byte> p) =>
        {
            if (s.Audio?.Codec is { } codec)
            {
                recorder.CustomerFrame(codec, p);
            }
        });
        AudioPayloadHandler? heardByCustomer = recorder is null ? null : (MediaSession s, in RtpHeader _, ReadOnlySpan<byte> p) =>
        {
            if (s.Audio?.Codec is { } codec)
            {
                recorder.AgentFrame(s, codec, p);
            }
        };
        MixerParty? agentParty = null;
        if (_agent is { } agent)
        {
            agent.Session.Play(null);
            agentParty = conference.Join(agent.Session, _muted ? null : heardByCustomer);
            agentParty.Speaks = !_muted;
        }

        foreach (var member in _members)
        {
            member.Session.Play(null);
            var supervisor = member == _supervisor;
            var party = conference.Join(member.Session, supervisor && _mode != MonitorMode.Barge ? null : heardByCustomer);
            if (supervisor && _mode == MonitorMode.Listen)
            {
                party.Speaks = false;
            }
            else if (supervisor && _mode == MonitorMode.Whisper)
            {
                party.WhisperTo = agentParty;
                party.Speaks = agentParty is not null;
            }
        }

        conference.Start(_services.Engine);
        _conference = conference;
        _mixed = true;
    }

    /// <summary>Stops whichever media joins the legs now (the relay or the mixer).</summary>
    private void StopMedia()
    {
        _bridge?.Disconnect();
        _bridge = null;
        _conference?.Dispose();
        _conference = null;
        _mixed = false;
        _consultBridge?.Disconnect();
        _consultBridge = null;
    }

    private CallLegRecord NewLeg(CallParty party, string address, Guid? agentId) => new()
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
}
