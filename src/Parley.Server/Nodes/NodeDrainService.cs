using Parley.Server.WebChat;

namespace Parley.Server.Nodes;

/// <summary>
/// SIGTERM drains the node: registered last, its <see cref="StoppingAsync"/> runs first when the host stops (lifecycle
/// services stop in reverse order, all before any <c>StopAsync</c>), so the SIP listeners, the HTTP server and the silo
/// are still up while live calls finish (<see cref="NodeDrainer"/>); the rest of the shutdown follows. The host's
/// shutdown timeout is <c>Parley:Cluster:DrainTimeout</c> plus 20 s, so the drain ends before it. Once the drain is over
/// the visitors' chat sockets are closed (<see cref="ChatSocketHost.CloseAll"/>): the widgets move to another node, and the
/// web server, which waits for open connections, stops at once instead of at the host's timeout.
/// </summary>
internal sealed class NodeDrainService(NodeDrainer drainer, ChatSocketHost chats) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await drainer.DrainAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The shutdown timeout passed: the host goes on stopping regardless.
        }
        catch (TimeoutException)
        {
            // The calls ended at the limit did not all close in time: the host goes on stopping regardless.
        }
        finally
        {
            chats.CloseAll();
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
