using System.Net;
using System.Collections.Concurrent;
using Parley.Sip.Dialogs;
using Parley.Sip.Messages;
using Parley.Sip.Stack;

namespace Parley.Sip.Tests.Support;

/// <summary>Answers every INVITE with its own offer and records what happens.</summary>
public sealed class EchoApplication : SipApplication
{
    public TaskCompletionSource<SipDialog> Answered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<SipRequest> Info { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<SipDialog> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<string> CalledUsers { get; } = new();

    /// <summary>Where each INVITE arrived (<see cref="SipIncomingCall.LocalEndPoint"/>).</summary>
    public ConcurrentQueue<IPEndPoint> Arrivals { get; } = new();

    public override ValueTask OnInviteAsync(SipIncomingCall call, CancellationToken cancellationToken)
    {
        CalledUsers.Enqueue(call.CalledUser ?? string.Empty);
        Arrivals.Enqueue(call.LocalEndPoint);
        if (call.CalledUser == "busy")
        {
            call.Reject(486);
            return ValueTask.CompletedTask;
        }

        call.Ring();
        Answered.TrySetResult(call.Answer(call.Offer));
        return ValueTask.CompletedTask;
    }

    public override ValueTask<int> OnDialogRequestAsync(SipDialog dialog, SipRequest request, CancellationToken cancellationToken)
    {
        Info.TrySetResult(request);
        return ValueTask.FromResult(200);
    }

    public override ValueTask OnDialogTerminatedAsync(SipDialog dialog, CancellationToken cancellationToken)
    {
        Ended.TrySetResult(dialog);
        return ValueTask.CompletedTask;
    }
}
