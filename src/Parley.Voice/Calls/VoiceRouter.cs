using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Parley.Sip.Dialogs;
using Parley.Sip.Messages;
using Parley.Sip.Stack;
using Parley.Voice.Logging;

namespace Parley.Voice.Calls;

/// <summary>
/// The server's <see cref="SipApplication"/>: sends each INVITE to the first <see cref="VoiceCallHandler"/> that handles the
/// called user (404 when none does) and routes the dialog's later requests to the same handler.
/// </summary>
public sealed class VoiceRouter : SipApplication
{
    private readonly IReadOnlyList<VoiceCallHandler> _handlers;
    private readonly ConcurrentDictionary<SipDialog, VoiceCallHandler> _dialogs = new();
    private readonly ILogger _logger;

    public VoiceRouter(IEnumerable<VoiceCallHandler> handlers, ILogger<VoiceRouter> logger)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        _handlers = [.. handlers];
        _logger = logger;
    }

    /// <summary>Dialogs answered and not yet ended.</summary>
    public int ActiveDialogs => _dialogs.Count;

    public override async ValueTask OnInviteAsync(SipIncomingCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var user = call.CalledUser ?? string.Empty;
        var handler = Find(user);
        if (handler is null)
        {
            VoiceLog.NoHandler(_logger, user, call.Request.CallId);
            call.Reject(404);
            return;
        }

        var dialog = await handler.OnInviteAsync(call, cancellationToken).ConfigureAwait(false);
        if (dialog is not null)
        {
            _dialogs[dialog] = handler;
        }
    }

    public override ValueTask<ReadOnlyMemory<byte>?> OnReInviteAsync(SipDialog dialog, SipRequest request, CancellationToken cancellationToken) =>
        _dialogs.TryGetValue(dialog, out var handler)
            ? handler.OnReInviteAsync(dialog, request, cancellationToken)
            : base.OnReInviteAsync(dialog, request, cancellationToken);

    public override ValueTask<int> OnDialogRequestAsync(SipDialog dialog, SipRequest request, CancellationToken cancellationToken) =>
        _dialogs.TryGetValue(dialog, out var handler)
            ? handler.OnDialogRequestAsync(dialog, request, cancellationToken)
            : base.OnDialogRequestAsync(dialog, request, cancellationToken);

    public override ValueTask OnDialogTerminatedAsync(SipDialog dialog, CancellationToken cancellationToken) =>
        _dialogs.TryRemove(dialog, out var handler)
            ? handler.OnDialogTerminatedAsync(dialog, cancellationToken)
            : ValueTask.CompletedTask;

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
