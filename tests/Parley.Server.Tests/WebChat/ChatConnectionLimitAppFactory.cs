namespace Parley.Server.Tests.WebChat;

/// <summary>The web chat server with room for <see cref="PerTenant"/> widget sockets per tenant.</summary>
public sealed class ChatConnectionLimitAppFactory : WebChatAppFactory
{
    public const int PerTenant = 2;

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        .. base.ExtraSettings,
        new("Parley:WebChat:MaxConnectionsPerTenant", PerTenant.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}
