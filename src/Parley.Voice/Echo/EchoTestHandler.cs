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
/// and <c>#</c> (RFC 4733 or SIP INFO <c>application/dtmf-relay</c>) makes Parley hang up with BYE. Parley also hangs
/// up when the caller's RTP stops (a phone gone without BYE) or the call reaches its maximum duration, and answers
/// 486 beyond the configured number of concurrent echo calls (<see cref="EchoTestOptions"/>).
/// </summary>
public sealed class EchoTestHandler : VoiceCallHandler
{
    /// <summary>The called user this handler answers.</summary>
    public const string User = "echo";

    /// <summary>The digit that ends the call.</summary>
    public const char HangUpDigit = '#';

    private readonly MediaEngine _engine;
    private readonly EchoTestOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<SipDialog, EchoCall> _calls = new();
    private int _admitted;

    public EchoTestHandler(MediaEngine engine, EchoTestOptions options, TimeProvider time, ILogger<EchoTestHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _engine = engine;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Echo calls in progress.</summary>
    public int ActiveCalls => _calls.Count;

    /// <summary>Raised after Parley hung up a call itself (<c>#</c>, silent caller, maximum duration).</summary>
    public event Action<SipDialog, EchoHangUpReason, MediaSessionStatistics>? HungUp;

    /// <summary>Open to anyone, so people can test a phone before it has credentials.</summary>
    public override bool IsPublic => true;

    public override bool Handles(string calledUser) => string.Equals(calledUser, User, StringComparison.OrdinalIgnoreCase);

    public override async ValueTask<SipDialog?> OnInviteAsync(SipIncomingCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (Interlocked.Increment(ref _admitted) > _options.MaxConcurrentCalls)
        {
            Interlocked.Decrement(ref _admitted);
            VoiceLog.EchoBusy(_logger, call.Request.CallId, _options.MaxConcurrentCalls);
            call.Reject(486, "Echo test busy");
            return null;
        }

        var dialog = await AnswerAsync(call).ConfigureAwait(false);
        if (dialog is null)
        {
            Interlocked.Decrement(ref _admitted);
        }

        return dialog;
    }

    public override ValueTask<ReadOnlyMemory<byte>?> OnReInviteAsync(SipDialog dialog, SipRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_calls.TryGetValue(dialog, out var call) || request.Body.IsEmpty)
        {
            return ValueTask.FromResult<ReadOnlyMemory<byte>?>(null);
        }

        var answer = SdpNegotiator.CreateAnswer(SdpParser.Parse(request.Body.Span), new SdpOfferParameters(_engine.AdvertisedAddressFor(dialog.Flow.LocalEndPoint.Address), call.Session.LocalPort) { SessionVersion = 2 });
        call.Session.Update(answer.Audio);
        return ValueTask.FromResult<ReadOnlyMemory<byte>?>(Encoding.ASCII.GetBytes(answer.Description.ToString()));
    }

    public override ValueTask<int> OnDialogRequestAsync(SipDialog dialog, SipRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method == SipMethods.Info && IsDtmfRelay(request.ContentType))
        {
            return ValueTask.FromResult(_calls.TryGetValue(dialog, out var call) && call.Session.HandleDtmfRelay(Encoding.UTF8.GetString(request.Body.Span)) ? 200 : 400);
        }

        return base.OnDialogRequestAsync(dialog, request, cancellationToken);
    }

    public override async ValueTask OnDialogTerminatedAsync(SipDialog dialog, CancellationToken cancellationToken)
    {
        if (TryEnd(dialog, out var call))
        {
            VoiceLog.EchoEnded(_logger, dialog.CallId, call.Session.GetStatistics().PacketsReceived);
            await EndAsync(call).ConfigureAwait(false);
        }
    }

    private static bool IsDtmfRelay(string? contentType) =>
        contentType is not null && contentType.TrimStart().StartsWith("application/dtmf-relay", StringComparison.OrdinalIgnoreCase);

    private async Task<SipDialog?> AnswerAsync(SipIncomingCall call)
    {
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
            answer = SdpNegotiator.CreateAnswer(offer, new SdpOfferParameters(_engine.AdvertisedAddressFor(call.LocalEndPoint.Address), session.LocalPort));
        }
        catch (SdpException ex)
        {
            await session.DisposeAsync().ConfigureAwait(false);
            VoiceLog.OfferRefused(_logger, call.Request.CallId, ex.SipStatus, ex.Message);
            call.Reject(ex.SipStatus);
            return null;
        }

        session.Echo = true;
        var answeredAt = _time.GetTimestamp();
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

        // The caller may act on the 200 before this line runs: count the duration from the answer, not from here.
        var left = _options.MaxDuration - _time.GetElapsedTime(answeredAt);
        var limit = _time.CreateTimer(_ => HangUpElsewhere(dialog, EchoHangUpReason.MaxDuration), null, left > TimeSpan.Zero ? left : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        _calls[dialog] = new EchoCall(session, limit);
        session.DigitReceived += (_, digit) => OnDigit(dialog, digit);
        session.ReceiveTimedOut += _ => HangUpElsewhere(dialog, EchoHangUpReason.CallerSilent);
        session.Start(answer.Audio);
        VoiceLog.EchoStarted(_logger, dialog.CallId, session.LocalPort);
        return dialog;
    }

    private void OnDigit(SipDialog dialog, DtmfDigit digit)
    {
        VoiceLog.DigitReceived(_logger, dialog.CallId, digit.Digit);
        if (digit.Digit == HangUpDigit)
        {
            HangUpElsewhere(dialog, EchoHangUpReason.HangUpDigit);
        }
    }

    /// <summary>
    /// Digits and timeouts arrive on media threads and timers: the call leaves <see cref="ActiveCalls"/> there and then
    /// (the first reason wins), and the BYE goes out on the thread pool.
    /// </summary>
    private void HangUpElsewhere(SipDialog dialog, EchoHangUpReason reason)
    {
        if (TryEnd(dialog, out var call))
        {
            _ = Task.Run(() => HangUpAsync(dialog, call, reason));
        }
    }

    private async Task HangUpAsync(SipDialog dialog, EchoCall call, EchoHangUpReason reason)
    {
        var statistics = call.Session.GetStatistics();
        VoiceLog.EchoHangingUp(_logger, dialog.CallId, reason);
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
            await EndAsync(call).ConfigureAwait(false);
        }

        VoiceLog.EchoEnded(_logger, dialog.CallId, statistics.PacketsReceived);
        HungUp?.Invoke(dialog, reason, statistics);
    }

    /// <summary>
    /// Takes the call out of <see cref="ActiveCalls"/> and frees its admission slot in the same step, so a caller who sees
    /// no active call is never turned away by a slot still held (its session is disposed afterwards).
    /// </summary>
    private bool TryEnd(SipDialog dialog, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EchoCall? call)
    {
        if (!_calls.TryRemove(dialog, out call))
        {
            return false;
        }

        Interlocked.Decrement(ref _admitted);
        return true;
    }

    private static async Task EndAsync(EchoCall call)
    {
        await call.Limit.DisposeAsync().ConfigureAwait(false);
        await call.Session.DisposeAsync().ConfigureAwait(false);
    }

    private sealed record EchoCall(MediaSession Session, ITimer Limit);
}
