using Microsoft.Extensions.Logging;
using Parley.Sip.Auth;
using Parley.Sip.Dialogs;
using Parley.Sip.Messages;
using Parley.Sip.Stack;
using Parley.Voice.Logging;
using Parley.Voice.Numbers;

namespace Parley.Voice.Calls;

/// <summary>
/// The server's <see cref="SipApplication"/>: sends each INVITE to the first <see cref="VoiceCallHandler"/> that handles the
/// called user (404 when none does) and routes the dialog's later requests to the same handler. With a
/// <see cref="SipDigestAuthenticator"/>, every INVITE not for a public handler is authenticated first (401 challenge, the
/// same for unknown and known users), the caller is recorded on the call, and a call into another tenant's domain gets 403.
/// With an <see cref="IInboundNumberResolver"/>, an INVITE to a phone number no handler takes is resolved first, before any
/// media: unknown number 404, source not allowed 403, suspended tenant 403; a resolved number goes to
/// <see cref="InboundCalls"/> (480 when the node has none).
/// </summary>
public sealed class VoiceRouter : SipApplication
{
    private readonly IReadOnlyList<VoiceCallHandler> _handlers;
    private readonly VoiceDialogs _dialogs;
    private readonly ILogger _logger;
    private readonly SipDigestAuthenticator? _authenticator;
    private readonly VoiceRouterOptions _options;
    private readonly IInboundNumberResolver? _numbers;
    private readonly InboundCalls? _inbound;

    /// <summary>Without <paramref name="authenticator"/> no INVITE is authenticated (tests, open labs); without <paramref name="numbers"/> no number is resolved.</summary>
    public VoiceRouter(
        IEnumerable<VoiceCallHandler> handlers,
        ILogger<VoiceRouter> logger,
        SipDigestAuthenticator? authenticator = null,
        VoiceRouterOptions? options = null,
        IInboundNumberResolver? numbers = null,
        VoiceDialogs? dialogs = null,
        InboundCalls? inbound = null)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        _dialogs = dialogs ?? new VoiceDialogs();
        _inbound = inbound;
        _handlers = [.. handlers];
        _logger = logger;
        _authenticator = authenticator;
        _options = options ?? new VoiceRouterOptions();
        _numbers = numbers;
    }

    /// <summary>Dialogs answered and not yet ended.</summary>
    public int ActiveDialogs => _dialogs.Count;

    public override async ValueTask OnInviteAsync(SipIncomingCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var user = call.CalledUser ?? string.Empty;
        var handler = Find(user);
        if (handler is null && _numbers is not null)
        {
            var resolution = await _numbers.ResolveAsync(call, cancellationToken).ConfigureAwait(false);
            if (resolution.Outcome != InboundOutcome.NotANumber)
            {
                await OnNumberAsync(call, resolution, cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        if (handler is not { IsPublic: true } && !await AuthenticateAsync(call, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (handler is null)
        {
            VoiceLog.NoHandler(_logger, user, call.Request.CallId);
            call.Reject(404);
            return;
        }

        var dialog = await handler.OnInviteAsync(call, cancellationToken).ConfigureAwait(false);
        if (dialog is not null)
        {
            _dialogs.Track(dialog, handler);
        }
    }

    public override ValueTask<ReadOnlyMemory<byte>?> OnReInviteAsync(SipDialog dialog, SipRequest request, CancellationToken cancellationToken) =>
        _dialogs.TryGetOwner(dialog, out var handler)
            ? handler.OnReInviteAsync(dialog, request, cancellationToken)
            : base.OnReInviteAsync(dialog, request, cancellationToken);

    public override ValueTask<int> OnDialogRequestAsync(SipDialog dialog, SipRequest request, CancellationToken cancellationToken) =>
        _dialogs.TryGetOwner(dialog, out var handler)
            ? handler.OnDialogRequestAsync(dialog, request, cancellationToken)
            : base.OnDialogRequestAsync(dialog, request, cancellationToken);

    public override ValueTask OnDialogTerminatedAsync(SipDialog dialog, CancellationToken cancellationToken) =>
        _dialogs.TryRemove(dialog, out var handler)
            ? handler.OnDialogTerminatedAsync(dialog, cancellationToken)
            : ValueTask.CompletedTask;

    /// <summary>Answers an INVITE to a phone number from the resolver's decision.</summary>
    private async ValueTask OnNumberAsync(SipIncomingCall call, InboundResolution resolution, CancellationToken cancellationToken)
    {
        var source = call.Client.Address;
        switch (resolution.Outcome)
        {
            case InboundOutcome.Challenge:
                // A 401 challenge, or the 403 of a source refused for guessing (SipAuthGuard).
                call.Respond(resolution.Challenge!);
                return;
            case InboundOutcome.AuthenticateAsUser:
                if (!await AuthenticateAsync(call, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                if (call.Caller?.TenantId != resolution.TenantId?.ToString())
                {
                    VoiceLog.NumberRefused(_logger, resolution.Number!, source, call.Request.CallId, 403);
                    call.Reject(403, "Not your tenant's number");
                    return;
                }

                break;
            case InboundOutcome.Accepted:
                break;
            default:
                VoiceLog.NumberRefused(_logger, resolution.Number ?? call.CalledUser ?? string.Empty, source, call.Request.CallId, resolution.RejectStatus);
                call.Reject(resolution.RejectStatus);
                return;
        }

        VoiceLog.NumberResolved(_logger, resolution.Number!, resolution.TenantId!.Value, resolution.TargetKind, resolution.TrunkId, call.Request.CallId);
        if (_inbound is null || resolution.TargetKind == InboundTargetKind.None)
        {
            call.Reject(480, "Temporarily Unavailable");
            return;
        }

        if (await _inbound.AnswerAsync(call, resolution).ConfigureAwait(false) is { } dialog)
        {
            _dialogs.Track(dialog, _inbound);
        }
    }

    /// <summary>True when the call may go on to routing; otherwise it has been answered (401 or 403).</summary>
    private async ValueTask<bool> AuthenticateAsync(SipIncomingCall call, CancellationToken cancellationToken)
    {
        if (_authenticator is null)
        {
            return true;
        }

        var source = call.Client.Address;
        var result = await _authenticator.AuthenticateAsync(call.Request, source, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            // A 401 challenge, or the 403 of a source refused for guessing (SipAuthGuard).
            call.Respond(result.Challenge!);
            return false;
        }

        var realm = _authenticator.RealmOf(call.Request);
        call.Caller = new SipCaller(result.TenantId!, result.Username!, realm);
        var host = call.Request.Uri.Host;
        if (_options.IsForeignTenantDomain(host, realm))
        {
            VoiceLog.CrossTenantCallRefused(_logger, result.Username!, realm, host, source, call.Request.CallId);
            call.Reject(403, "Not your tenant's domain");
            return false;
        }

        return true;
    }

    private VoiceCallHandler? Find(string user)
    {
        foreach (var handler in _handlers)
        {
            if (handler.Handles(user))
            {
                return handler;
            }
        }

        return null;
    }
}
