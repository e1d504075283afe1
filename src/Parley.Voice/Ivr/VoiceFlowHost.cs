using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Parley.Flows.Execution;
using Parley.Media;
using Parley.Media.Dtmf;
using Parley.Speech.Recognition;
using Parley.Voice.Audio;

namespace Parley.Voice.Ivr;

/// <summary>
/// Runs a flow's actions on one answered call's <see cref="MediaSession"/>: prompts are played on the session, keys
/// come from its <see cref="MediaSession.DigitReceived"/> (RFC 4733, or SIP INFO through
/// <see cref="MediaSession.HandleDtmfRelay"/>), speech from its audio through <see cref="ISpeechToText"/>, HTTP blocks go
/// to <see cref="IFlowHttpClient"/> and transfers to the delegate the call supplies. Use it with
/// <see cref="FlowRunner.RunAsync"/>; one action at a time; dispose it when the flow is done (it stops listening).
/// <para>
/// Barge-in: a key pressed during a prompt that allows barge-in stops it (and the prompts after it) and is kept as the
/// first key of the next gather, as IVRs do ("press 2" can be pressed while the menu is still speaking). Keys pressed
/// during a prompt that does not allow barge-in are discarded. Cancelling the token (the caller hung up) stops the
/// prompt, the timers and the recogniser at once.
/// </para>
/// </summary>
public sealed partial class VoiceFlowHost : IFlowHost, IDisposable
{
    private const int MaxBufferedDigits = 64;
    private readonly MediaSession _session;
    private readonly Guid _tenantId;
    private readonly ICallAudio _audio;
    private readonly ISpeechToText _speech;
    private readonly IFlowHttpClient _http;
    private readonly Func<FlowAction, CancellationToken, ValueTask<FlowInput>> _transfer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<char> _digits = Channel.CreateBounded<char>(new BoundedChannelOptions(MaxBufferedDigits)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.DropOldest,
    });

    private PromptSequence? _bargeable;
    private int _disposed;

    /// <param name="session">The answered call's media, started.</param>
    /// <param name="tenantId">The tenant whose prompts, speech and HTTP allow-list apply.</param>
    /// <param name="audio">Opens prompts.</param>
    /// <param name="speech">Recognises menu keywords.</param>
    /// <param name="http">Carries out HTTP blocks.</param>
    /// <param name="transfer">
    /// Carries out <see cref="TransferToQueueAction"/>, <see cref="TransferToAgentAction"/> and
    /// <see cref="TransferToNumberAction"/> (and records a <see cref="VoicemailAction"/> after its greeting): answers <see cref="TransferFailedInput"/> when it could not (the flow goes
    /// on), anything else when the call left the flow.
    /// </param>
    /// <param name="time">Drives the gather timeouts.</param>
    /// <param name="logger">The host's log.</param>
    public VoiceFlowHost(
        MediaSession session,
        Guid tenantId,
        ICallAudio audio,
        ISpeechToText speech,
        IFlowHttpClient http,
        Func<FlowAction, CancellationToken, ValueTask<FlowInput>> transfer,
        TimeProvider time,
        ILogger<VoiceFlowHost> logger)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentNullException.ThrowIfNull(speech);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(transfer);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _session = session;
        _tenantId = tenantId;
        _audio = audio;
        _speech = speech;
        _http = http;
        _transfer = transfer;
        _time = time;
        _logger = logger;
        session.DigitReceived += OnDigit;
    }

    /// <summary>
    /// Carries out one action. <see cref="HangUpAction"/> is final and never reaches a host; other actions a voice call
    /// cannot perform throw <see cref="NotSupportedException"/>.
    /// </summary>
    public async ValueTask<FlowInput> PerformAsync(FlowAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        switch (action)
        {
            case PlayAction play:
                await PlayAsync(play.Prompts, play.BargeIn, cancellationToken).ConfigureAwait(false);
                return FlowInput.PromptFinished;
            case GatherAction gather:
                return await GatherAsync(gather, cancellationToken).ConfigureAwait(false);
            case HttpRequestAction request:
                return await _http.SendAsync(_tenantId, request, cancellationToken).ConfigureAwait(false);
            case TransferToQueueAction or TransferToAgentAction or TransferToNumberAction or OfferCallbackAction:
                return await _transfer(action, cancellationToken).ConfigureAwait(false);
            case VoicemailAction voicemail:
                // The greeting cannot be barged into; the call then beeps, records and queues the message.
                await PlayAsync(voicemail.Prompts, bargeIn: false, cancellationToken).ConfigureAwait(false);
                return await _transfer(action, cancellationToken).ConfigureAwait(false);
            default:
                throw new NotSupportedException($"A voice call cannot perform {action.GetType().Name}.");
        }
    }

    /// <summary>Stops listening to the session's keys. The session itself belongs to the call.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _session.DigitReceived -= OnDigit;
            _digits.Writer.TryComplete();
        }
    }

    /// <summary>Plays prompts; with <paramref name="bargeIn"/> a key stops them (and is kept), otherwise keys pressed meanwhile are dropped.</summary>
    private async Task PlayAsync(IReadOnlyList<PlayPrompt> prompts, bool bargeIn, CancellationToken cancellationToken)
    {
        var sequence = new PromptSequence(_session, _tenantId, _audio, _logger);
        if (bargeIn)
        {
            Volatile.Write(ref _bargeable, sequence);
            if (_digits.Reader.TryPeek(out _))
            {
                sequence.BargeIn(); // The caller already typed ahead: nothing to play.
            }
        }

        try
        {
            await sequence.PlayAsync(prompts, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.CompareExchange(ref _bargeable, null, sequence);
        }

        if (!bargeIn)
        {
            DiscardDigits();
        }
    }

    private void DiscardDigits()
    {
        while (_digits.Reader.TryRead(out _))
        {
        }
    }

    /// <summary>Media thread: buffer the key and stop a prompt that allows barge-in. Never blocks.</summary>
    private void OnDigit(MediaSession session, DtmfDigit digit)
    {
        _digits.Writer.TryWrite(digit.Digit);
        Volatile.Read(ref _bargeable)?.BargeIn();
    }
}
