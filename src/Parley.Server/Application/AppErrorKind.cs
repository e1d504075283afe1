namespace Parley.Server.Application;

/// <summary>Why a command or query of the application layer was refused; each maps to one HTTP status.</summary>
public enum AppErrorKind
{
    /// <summary>Missing, another tenant's, or not the actor's own (404: they answer alike).</summary>
    NotFound,

    /// <summary>A field is wrong (400 validation problem).</summary>
    Invalid,

    /// <summary>The object is not in a state that allows this (409).</summary>
    Conflict,

    /// <summary>The actor lacks the permission (403).</summary>
    Forbidden,

    /// <summary>The object changed since the caller read it (412; REST's If-Match).</summary>
    Stale,

    /// <summary>The upload is larger than allowed (413).</summary>
    TooLarge,

    /// <summary>The upload's content is of a type not accepted (415).</summary>
    UnsupportedType,

    /// <summary>The tenant's plan allows no more (409 naming the limit, e.g. <c>seats.voice</c>).</summary>
    LimitReached,

    /// <summary>This node takes no new work now (503: it is draining; the client retries, through the load balancer, elsewhere).</summary>
    Unavailable,
}
