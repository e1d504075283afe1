namespace Parley.Server.Auth;

public static class ParleyAuthSchemes
{
    /// <summary>Forwards to bearer-token validation when an Authorization header is present, else to the sign-in cookie.</summary>
    public const string Default = "Parley";

    /// <summary>Bearer tokens: OpenIddict's validation, remembered per token until it expires (<see cref="Tokens.CachedBearerHandler"/>).</summary>
    public const string Bearer = "Parley.Bearer";
}
