using System.Net.WebSockets;

namespace Parley.Bench.Chat;

/// <summary>
/// The headers a desktop Chromium sends on the widget's socket upgrade besides those every WebSocket client sends, so the
/// server holds what it would hold for a real visitor (user agent, languages, caching, compression offer).
/// </summary>
internal static class BrowserHeaders
{
    public static void AddTo(ClientWebSocketOptions options)
    {
        options.SetRequestHeader("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36");
        options.SetRequestHeader("Accept-Language", "en-GB,en-US;q=0.9,en;q=0.8,de;q=0.7");
        options.SetRequestHeader("Accept-Encoding", "gzip, deflate, br, zstd");
        options.SetRequestHeader("Cache-Control", "no-cache");
        options.SetRequestHeader("Pragma", "no-cache");
        options.SetRequestHeader("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits");
    }
}
