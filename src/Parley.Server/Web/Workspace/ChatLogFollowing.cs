using Microsoft.JSInterop;

namespace Parley.Server.Web.Workspace;

/// <summary>
/// Keeps a chat log scrolled to its newest message while the reader is at the bottom (<c>parley.followLog</c> in
/// <c>workspace.js</c>); once they scroll up to read, new messages leave the log where it is.
/// </summary>
internal static class ChatLogFollowing
{
    public static async Task StartAsync(IJSRuntime js, string logId, CancellationToken cancellationToken)
    {
        try
        {
            await js.InvokeVoidAsync("parley.followLog", cancellationToken, logId);
        }
        catch (Exception e) when (e is JSDisconnectedException or OperationCanceledException)
        {
            // The workspace closed while the log opened: nothing to follow.
        }
    }
}
