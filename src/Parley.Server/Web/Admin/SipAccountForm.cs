using System.Security.Cryptography;
using Parley.Server.Api.SipCredentials;

namespace Parley.Server.Web.Admin;

/// <summary>A SIP account being edited: the password is write-only (never read back) and sent with every save, as the API asks.</summary>
public sealed class SipAccountForm
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private SipCredentialDto? _read;

    public Guid? UserId { get; set; }

    public string SipUserName { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>The version read; an update sends it back (REST's If-Match).</summary>
    public long? Version => _read?.Version;

    public string? Realm => _read?.Realm;

    public static SipAccountForm From(SipCredentialDto c) => new() { _read = c, UserId = c.UserId, SipUserName = c.SipUserName };

    /// <summary>A random password of 20 letters and digits (about 116 bits), easy to type into a phone.</summary>
    public static string NewPassword() => RandomNumberGenerator.GetString(Alphabet, 20);

    public SipCredentialRequest ToRequest() => new(UserId ?? Guid.Empty, SipUserName.Trim(), Password);
}
