using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Parley.Server.Web.Workspace;

/// <summary>
/// The circuit's connection to its browser. When it comes back after a drop, <see cref="Reconnected"/> fires so pages re-read
/// their state: events pushed while the browser was away may have been rendered into batches it never saw applied.
/// </summary>
public sealed class CircuitConnection : CircuitHandler
{
    private int _ups;

    public event Func<Task>? Reconnected;

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _ups) > 1 && Reconnected is { } handlers)
        {
            await handlers();
        }
    }
}
