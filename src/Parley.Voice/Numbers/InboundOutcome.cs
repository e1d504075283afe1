namespace Parley.Voice.Numbers;

/// <summary>What the edge answers an INVITE to a number, decided before any media is allocated.</summary>
public enum InboundOutcome
{
    /// <summary>The called user is not a phone number (an extension, <c>echo</c>): the usual handlers decide.</summary>
    NotANumber = 0,

    /// <summary>The number belongs to a tenant and the source is one of its trunks: the call may go on.</summary>
    Accepted = 1,

    /// <summary>The caller claims to be a phone of the number's tenant (From host is its SIP domain): authenticate as a user.</summary>
    AuthenticateAsUser = 2,

    /// <summary>The source is not a trunk address but a trunk of the tenant accepts digest: send <see cref="InboundResolution.Challenge"/> (a 401, or a 403 when the source is blocked for guessing).</summary>
    Challenge = 3,

    /// <summary>No tenant owns the number: 404.</summary>
    UnknownNumber = 4,

    /// <summary>The source is neither an allowed address nor authenticated for the tenant's trunks: 403.</summary>
    SourceNotAllowed = 5,

    /// <summary>The owning tenant is suspended: 403.</summary>
    TenantSuspended = 6,

    /// <summary>The owning tenant is being deleted or cannot be read right now: 503.</summary>
    TenantUnavailable = 7,
}
