using Parley.Sip.Dialogs;
using Parley.Sip.Stack;

namespace Parley.Voice.Tests.Support;

/// <summary>The calling side of a test: remembers when its dialog ended (Parley's BYE).</summary>
internal sealed class CallerApplication : SipApplication
{
    private readonly TaskCompletionSource<SipDialog> _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<SipDialog> Terminated => _terminated.Task;

    public override ValueTask OnDialogTerminatedAsync(SipDialog dialog, CancellationToken cancellationToken)
    {
        _terminated.TrySetResult(dialog);
        return ValueTask.CompletedTask;
    }
}
