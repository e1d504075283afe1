using Parley.Server.Tests.Acd;

namespace Parley.Server.Tests.WebChat;

/// <summary>The demo server on a loopback Kestrel port (real HTTP and WebSockets), with small per-session message limits.</summary>
public class WebChatAppFactory : AcdAppFactory
{
    public const int SessionBurst = 20;

    public WebChatAppFactory()
    {
        // Real sockets: every client of this factory, including the signed-in ones, talks to Kestrel on a loopback port.
        UseKestrel(0);
        StartServer();
    }

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        .. base.ExtraSettings,
        new("Parley:WebChat:SessionMessageBurst", SessionBurst.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Parley:WebChat:SessionMessagesPerSecond", "1"),
        new("Parley:WebChat:SessionLifetime", "00:05:00"),
    ];

    /// <summary>The server's address (started on first use).</summary>
    public Uri BaseUri
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }

    /// <summary>The server's own origin, which the demo widget allows (<c>self</c>).</summary>
    public string Origin => BaseUri.GetLeftPart(UriPartial.Authority);
}
