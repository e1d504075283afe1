using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.Playwright;

namespace Parley.Web.Tests.EndToEnd;

/// <summary>
/// A distant agent: every message the server sends on the Blazor circuit's WebSocket reaches the browser
/// <see cref="Delay"/> later, in order, while the browser's own messages go out at once. What a page renders for one
/// keystroke then arrives after the next keystrokes were typed, as on a real long link.
/// </summary>
public static partial class SlowLink
{
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(150);

    public static Task UseAsync(IBrowserContext context) => context.RouteWebSocketAsync(BlazorHub(), browser =>
    {
        var server = browser.ConnectToServer();
        var late = Channel.CreateUnbounded<(DateTimeOffset Due, IWebSocketFrame Frame)>(new UnboundedChannelOptions { SingleReader = true });
        server.OnMessage(frame => late.Writer.TryWrite((TimeProvider.System.GetUtcNow() + Delay, frame)));
        server.OnClose((code, reason) => late.Writer.TryComplete());
        _ = Task.Run(async () =>
        {
            await foreach (var (due, frame) in late.Reader.ReadAllAsync())
            {
                var wait = due - TimeProvider.System.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                if (frame.Binary is { } binary)
                {
                    browser.Send(binary);
                }
                else
                {
                    browser.Send(frame.Text ?? "");
                }
            }
        });
    });

    [GeneratedRegex("/_blazor")]
    private static partial Regex BlazorHub();
}
