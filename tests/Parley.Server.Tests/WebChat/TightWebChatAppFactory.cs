namespace Parley.Server.Tests.WebChat;

/// <summary>The web chat server with small per-address budgets: three chat starts (then one a minute) and three sockets.</summary>
public sealed class TightWebChatAppFactory : WebChatAppFactory
{
    public const int StartBurst = 3;
    public const int SocketsPerAddress = 3;

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        .. base.ExtraSettings,
        new("Parley:WebChat:IpChatStartBurst", StartBurst.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Parley:WebChat:IpChatStartsPerMinute", "1"),
        new("Parley:WebChat:MaxConnectionsPerIp", SocketsPerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}
