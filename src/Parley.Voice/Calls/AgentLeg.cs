using System.Net;
using System.Text;
using Parley.Media;
using Parley.Media.Sdp;
using Parley.Sip.Dialogs;
using Parley.Sip.Stack;
using Parley.Voice.Records;

namespace Parley.Voice.Calls;

/// <summary>
/// The leg from Parley to an agent's phone: its own media session, an INVITE with the caller's number and the queue in
/// the display name, rung until the call cancels it. The outcome is posted to the call's mailbox (answered or failed
/// with the final status; 487 when cancelled).
/// </summary>
internal sealed class AgentLeg : IAsyncDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private int _disposed;

    private AgentLeg(Guid agentId, string target, MediaSession session, CallLegRecord record)
    {
        AgentId = agentId;
        Target = target;
        Session = session;
        Record = record;
    }

    public Guid AgentId { get; }

    public string Target { get; }

    public MediaSession Session { get; }

    public SipDialog? Dialog { get; private set; }

    public CallLegRecord Record { get; set; }

    /// <summary>True once the call asked the phone to stop ringing (the offer ended elsewhere or the caller left).</summary>
    public bool CancelRequested => _cancel.IsCancellationRequested;

    /// <summary>Creates the leg and starts ringing; the result arrives in the call's mailbox.</summary>
    /// <param name="answered">
    /// Called with the dialog the moment the phone answers, before the call hears of it, so a BYE that follows at once
    /// already finds its leg.
    /// </param>
    public static AgentLeg Ring(
        MediaEngine engine, SipStack stack, IPAddress localAddress, Guid agentId, string target, SipInviteOptions options,
        CallLegRecord record, Action<CallSignal> post, Action<AgentLeg> answered)
    {
        var leg = new AgentLeg(agentId, target, engine.CreateSession(), record);
        _ = leg.InviteAsync(engine, stack, localAddress, options, post, answered);
        return leg;
    }

    public void Cancel()
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            _cancel.Cancel();
        }
    }

    private async Task InviteAsync(
        MediaEngine engine, SipStack stack, IPAddress localAddress, SipInviteOptions options, Action<CallSignal> post, Action<AgentLeg> answered)
    {
        var local = new SdpOfferParameters(engine.AdvertisedAddressFor(localAddress), Session.LocalPort);
        var offer = SdpNegotiator.CreateOffer(local);
        int status;
        try
        {
            var result = await stack.InviteAsync(Target, Encoding.ASCII.GetBytes(offer.ToString()), options, _cancel.Token).ConfigureAwait(false);
            if (result.Dialog is { } dialog)
            {
                Dialog = dialog;
                answered(this);
                if (_cancel.IsCancellationRequested)
                {
                    // The call stopped ringing this phone just as it answered.
                    await HangUpAsync().ConfigureAwait(false);
                    post(new CallSignal.AgentFailed(this, 487));
                    return;
                }

                try
                {
                    Session.Start(SdpNegotiator.ProcessAnswer(offer, SdpParser.Parse(dialog.RemoteSdp.Span), local));
                }
                catch (SdpException)
                {
                    post(new CallSignal.AgentFailed(this, 488));
                    return;
                }

                post(new CallSignal.AgentAnswered(this));
                if (dialog.State == Parley.Sip.Dialogs.SipDialogState.Terminated)
                {
                    // The phone hung up before its leg was known: nobody else will say so.
                    post(new CallSignal.AgentHungUp(this, "agent_hangup"));
                }

                return;
            }

            status = result.StatusCode;
        }
        catch (OperationCanceledException)
        {
            status = 487;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or System.Net.Sockets.SocketException or FormatException or ArgumentException)
        {
            status = 503;
        }

        post(new CallSignal.AgentFailed(this, status));
    }

    /// <summary>Hangs up an answered leg (BYE); ignores a leg already gone.</summary>
    public async Task HangUpAsync()
    {
        if (Dialog is { } dialog)
        {
            try
            {
                await dialog.ByeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or OperationCanceledException)
            {
                // Already ended by the phone, or unreachable: nothing more to do.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _cancel.Dispose();
        await Session.DisposeAsync().ConfigureAwait(false);
    }
}
