using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace Parley.Server.WebChat.Transcripts;

/// <summary>
/// <c>Parley:Smtp</c>: where e-mail (chat transcripts) goes. Off while <see cref="Host"/> is empty: visitors are then not
/// offered transcripts. With a host, <see cref="From"/> must be a valid address.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Parley:Smtp";

    /// <summary>The SMTP server's host name; empty (the default) turns e-mail off.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary><c>StartTls</c> (default), <c>SslOnConnect</c>, <c>StartTlsWhenAvailable</c>, <c>Auto</c> or <c>None</c> (loopback relays only).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>User name for SMTP AUTH; none: no authentication.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>Parley &lt;chat@example.com&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary>How often the outbox is looked at (it is also woken when a chat with a requested transcript ends).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first retry's delay; each failure doubles it, up to an hour.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
