using System.Net;
using System.Text;
using System.Threading.Channels;
using Parley.Media;
using Parley.Media.Sdp;
using Parley.Sip.Dialogs;
using Parley.Sip.Stack;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>
/// A SIP phone on loopback built from Parley's own stack and media engine: it answers (or refuses) incoming calls,
/// places calls, plays a tone and listens for the other side's tone and digits. Plays a caller or an agent's phone.
/// </summary>
internal sealed class TestPhone : SipApplication, IAsyncDisposable
{
    private readonly MediaEngine _engine;
    private readonly Channel<PhoneCall> _incoming = Channel.CreateUnbounded<PhoneCall>();
    private readonly Dictionary<SipDialog, PhoneCall> _calls = [];
    private readonly Lock _gate = new();

    private TestPhone(string user, IPAddress address, int rtpBase)
    {
        User = user;
        Address = address;
        _engine = new MediaEngine(new MediaOptions { BindAddress = address.ToString(), RtpPortMin = rtpBase, RtpPortMax = rtpBase + 400, SendSilenceWhenIdle = true });
        Stack = new SipStack(new SipStackOptions { BindAddress = address, Port = 0, EnableTcp = false }, this);
        Stack.Start();
    }

    public string User { get; }

    public IPAddress Address { get; }

    public SipStack Stack { get; }

    public string Uri => $"sip:{User}@{Address}:{Stack.Listeners[0].EndPoint.Port}";

    /// <summary>The From user of the last call that rang this phone.</summary>
    public string? LastCallerNumber { get; private set; }

    /// <summary>The final answer to incoming calls: 200 answers, anything else refuses.</summary>
    public int AnswerStatus { get; set; } = 200;

    /// <summary>The last INVITE that reached this phone, as it arrived.</summary>
    public Parley.Sip.Messages.SipRequest? LastInvite { get; private set; }

    /// <summary>How long the phone rings before it answers (zero: at once).</summary>
    public TimeSpan AnswerDelay { get; set; }

    public static TestPhone Start(string user, IPAddress? address = null, int rtpBase = 52000) => new(user, address ?? IPAddress.Loopback, rtpBase);

    public async Task<PhoneCall> NextIncomingAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        return await _incoming.Reader.ReadAsync(cts.Token);
    }

    /// <summary>True when nothing rang within <paramref name="wait"/>.</summary>
    public async Task<bool> StaysQuietAsync(TimeSpan wait)
    {
        using var cts = new CancellationTokenSource(wait);
        try
        {
            await _incoming.Reader.WaitToReadAsync(cts.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    public async Task<PhoneCall> CallAsync(string target, CancellationToken cancellationToken)
    {
        var session = _engine.CreateSession();
        var local = new SdpOfferParameters(Address, session.LocalPort);
        var offer = SdpNegotiator.CreateOffer(local);
        var result = await Stack.InviteAsync(target, Encoding.ASCII.GetBytes(offer.ToString()), new SipInviteOptions { From = $"sip:+15557654321@{Address}" }, cancellationToken);
        if (result.Dialog is not { } dialog)
        {
            await session.DisposeAsync();
            throw new InvalidOperationException($"The call was answered {result.StatusCode}.");
        }

        var call = new PhoneCall(dialog, session, null);
        lock (_gate)
        {
            _calls[dialog] = call;
        }

        session.Start(SdpNegotiator.ProcessAnswer(offer, SdpParser.Parse(dialog.RemoteSdp.Span), local));
        return call;
    }

    public override ValueTask OnInviteAsync(SipIncomingCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        LastCallerNumber = call.Request.From.Uri.User;
        LastInvite = call.Request;
        if (AnswerStatus != 200)
        {
            call.Reject(AnswerStatus);
            _incoming.Writer.TryWrite(new PhoneCall(null, null, call.Request.From.DisplayName));
            return ValueTask.CompletedTask;
        }

        if (AnswerDelay > TimeSpan.Zero)
        {
            _ = Task.Delay(AnswerDelay, CancellationToken.None).ContinueWith(_ => Answer(call), TaskScheduler.Default);
            return ValueTask.CompletedTask;
        }

        Answer(call);
        return ValueTask.CompletedTask;
    }

    private void Answer(SipIncomingCall call)
    {
        var session = _engine.CreateSession();
        var answer = SdpNegotiator.CreateAnswer(SdpParser.Parse(call.Offer.Span), new SdpOfferParameters(Address, session.LocalPort));
        var dialog = call.Answer(Encoding.ASCII.GetBytes(answer.Description.ToString()));
        session.Start(answer.Audio);
        var answered = new PhoneCall(dialog, session, call.Request.From.DisplayName);
        lock (_gate)
        {
            _calls[dialog] = answered;
        }

        _incoming.Writer.TryWrite(answered);
    }

    /// <summary>Keeps the sipfrag status of each REFER NOTIFY (RFC 3515) on the call it arrived in.</summary>
    public override ValueTask<int> OnDialogRequestAsync(SipDialog dialog, Parley.Sip.Messages.SipRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = Encoding.ASCII.GetString(request.Body.Span);
        if (request.Method == Parley.Sip.Messages.SipMethods.Notify && body.StartsWith("SIP/2.0 ", StringComparison.Ordinal)
            && int.TryParse(body.AsSpan(8, 3), System.Globalization.CultureInfo.InvariantCulture, out var status))
        {
            lock (_gate)
            {
                _calls.GetValueOrDefault(dialog)?.AddReferNotify(status);
            }
        }

        return base.OnDialogRequestAsync(dialog, request, cancellationToken);
    }

    public override ValueTask OnDialogTerminatedAsync(SipDialog dialog, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_calls.Remove(dialog, out var call))
            {
                call.MarkEnded();
            }
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        List<PhoneCall> calls;
        lock (_gate)
        {
            calls = [.. _calls.Values];
        }

        foreach (var call in calls)
        {
            await call.DisposeAsync();
        }

        await Stack.DisposeAsync();
        await _engine.DisposeAsync();
    }
}
