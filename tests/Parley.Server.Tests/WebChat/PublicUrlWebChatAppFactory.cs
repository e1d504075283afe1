namespace Parley.Server.Tests.WebChat;

/// <summary>The web chat server with <c>Parley:PublicUrl</c> set to an address other than the loopback one it listens on.</summary>
public sealed class PublicUrlWebChatAppFactory : WebChatAppFactory
{
    public const string PublicOrigin = "https://chat.example.com";

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        .. base.ExtraSettings,
        new("Parley:PublicUrl", PublicOrigin + "/"),
    ];
}
