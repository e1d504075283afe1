using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Api.SipCredentials;

/// <summary>Body of creating or replacing a SIP credential. The password is hashed (HA1) and never stored or returned.</summary>
public sealed record SipCredentialRequest(
    Guid UserId,
    [property: Required, StringLength(64, MinimumLength = 1), RegularExpression("^[A-Za-z0-9._~-]+$")] string SipUserName,
    [property: Required, StringLength(128, MinimumLength = 8)] string Password);
