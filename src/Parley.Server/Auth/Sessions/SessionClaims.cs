using System.Security.Claims;

namespace Parley.Server.Auth.Sessions;

/// <summary>The claim the session store adds to a cookie principal: the key of its server-side session.</summary>
public static class SessionClaims
{
    public const string SessionId = "parley_session";

    public static string? SessionOf(ClaimsPrincipal? user) => user?.FindFirst(SessionId)?.Value;
}
