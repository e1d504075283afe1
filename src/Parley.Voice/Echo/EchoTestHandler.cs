using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;
using Parley.Media;
using Parley.Media.Dtmf;
using Parley.Media.Sdp;
using Parley.Sip.Dialogs;
using Parley.Sip.Messages;
using Parley.Sip.Stack;
using Parley.Voice.Calls;
using Parley.Voice.Logging;

namespace Parley.Voice.Echo;

/// <summary>
/// The echo test: an INVITE to the user <c>echo</c> at any host is answered, the caller's audio comes straight back,
/// and <c>#</c> (RFC 4733 or SIP INFO <c>application/dtmf-relay</c>) makes Parley hang up with BYE.
/// </summary>
public sealed class EchoTestHandler : VoiceCallHandler
{
    /// <summary>The called user this handler answers.</summary>
    public const string User = "echo";

    /// <summary>The digit that ends the call.</summary>
    public const char HangUpDigit = '#';

    private readonly MediaEngine _engine;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<SipDialog, MediaSession> _calls = new();

    public EchoTestHandler(MediaEngine engine, ILogger<EchoTestHandler> logger)
    {
        _engine = engine;
        _logger = logger;
    }

    /// <summary>Echo calls in progress.</summary>
    public int ActiveCalls => _calls.Count;

    /// <summary>Raised after Parley hung up a call because the caller pressed <c>#</c>.</summary>
    public event Action<SipDialog, MediaSessionStatistics>? HungUp;

    public override bool Handles(string calledUser) => string.Equals(calledUser, User, StringComparison.OrdinalIgnoreCase);

    public override async ValueTask<SipDialog?> OnInviteAsync(SipIncomingCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        SessionDescription offer;
        try
        {
            offer = SdpParser.Parse(call.Offer.Span);
        }
        catch (SdpException ex)
        {
            VoiceLog.OfferRefused(_logger, call.Request.CallId, ex.SipStatus, ex.Message);
            call.Reject(call.Offer.IsEmpty ? 488 : ex.SipStatus);
            return null;
        }

        var session = _engine.CreateSession();
        SdpAnswer answer;
        try
        {
            answer = SdpNegotiator.CreateAnswer(offer, new SdpOfferParameters(_engine.AdvertisedAddress, session.LocalPort));
        }
        catch (SdpException ex)
        {
            await session.DisposeAsync().ConfigureAwait(false);
            VoiceLog.OfferRefused(_logger, call.Request.CallId, ex.SipStatus, ex.Message);
            call.Reject(ex.SipStatus);
            return null;
        }

        session.Echo = true;
        SipDialog dialog;
        try
        {
            dialog = call.Answer(Encoding.ASCII.GetBytes(answer.Description.ToString()));
        }
        catch (InvalidOperationException)
        {
            // Cancelled (CANCEL) while we negotiated: nothing to answer.
            await session.DisposeAsync().ConfigureAwait(false);
            return null;
        }

        _calls[dialog] = session;
        session.DigitReceived += (_, digit) => OnDigit(dialog, digit);
        session.Start(answer.Audio);
        VoiceLog.EchoStarted(_logger, dialog.CallId, session.LocalPort);
        return dialog;
    }

    public override ValueTask<ReadOnlyMemory<byte>?> OnReInviteAsync(SipDialog dialog, SipRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_calls.TryGetValue(dialog, out var session) || request.Body.IsEmpty)
        {
            return ValueTask.FromResult<ReadOnlyMemory<byte>?>(null);
        }

        var answer = SdpNegotiator.CreateAnswer(SdpParser.Parse(request.Body.Span), new SdpOfferParameters(_engine.AdvertisedAddress, session.LocalPort) { SessionVersion = 2 });
        session.Update(answer.Audio);
        return ValueTask.FromResult<ReadOnlyMemory<byte>?>(Encoding.ASCII.GetBytes(answer.Description.ToString()));
    }

    public override ValueTask<int> OnDialogRequestAsync(SipDialog dialog, SipRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method == SipMethods.Info && IsDtmfRelay(request.ContentType))
        {
            return ValueTask.FromResult(_calls.TryGetValue(dialog, out var session) && session.HandleDtmfRelay(Encoding.UTF8.GetString(request.Body.Span)) ? 200 : 400);
        }

        return base.OnDialogRequestAsync(dialog, request, cancellationToken);
    }

    public override async ValueTask OnDialogTerminatedAsync(SipDialog dialog, CancellationToken cancellationToken)
    {
        if (_calls.TryRemove(dialog, out var session))
        {
            VoiceLog.EchoEnded(_logger, dialog.CallId, session.GetStatistics().PacketsReceived);
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static bool IsDtmfRelay(string? contentType) =>
        contentType is not null && contentType.TrimStart().StartsWith("application/dtmf-relay", StringComparison.OrdinalIgnoreCase);

    private void OnDigit(SipDialog dialog, DtmfDigit digit)
    {
        VoiceLog.DigitReceived(_logger, dialog.CallId, digit.Digit);
        if (digit.Digit == HangUpDigit)
        {
            // Digits arrive on the media receive thread: hang up elsewhere.
            _ = Task.Run(() => HangUpAsync(dialog));
        }
    }

    private async Task HangUpAsync(SipDialog dialog)
    {
        if (!_calls.TryRemove(dialog, out var session))
        {
            return;
        }

        var statistics = session.GetStatistics();
        try
        {
            await dialog.ByeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            VoiceLog.HangUpFailed(_logger, dialog.CallId, ex);
        }
        finally
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }

        VoiceLog.EchoEnded(_logger, dialog.CallId, statistics.PacketsReceived);
        HungUp?.Invoke(dialog, statistics);
    }
}
