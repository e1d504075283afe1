namespace Parley.Server.Tests.WebChat;

/// <summary>The web chat server with e-mail on, sending through a <see cref="LoopbackSmtp"/> of its own.</summary>
public abstract class TranscriptAppFactory(bool listen) : WebChatAppFactory
{
    /// <summary>The SMTP server; with <c>listen: false</c> it is down until <see cref="LoopbackSmtp.Listen"/>.</summary>
    public LoopbackSmtp Smtp { get; } = listen ? LoopbackSmtp.Start() : LoopbackSmtp.Reserve();

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        .. base.ExtraSettings,
        new("Parley:Smtp:Host", "127.0.0.1"),
        new("Parley:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Parley:Smtp:Security", "None"),
        new("Parley:Smtp:From", "Parley Demo <chat@parley.test>"),
    ];

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Smtp.Dispose();
        }
    }
}
