namespace Parley.Server.Auth;

public static class ParleyAuthSchemes
{
    /// <summary>Forwards to bearer-token validation when an Authorization header is present, else to the sign-in cookie.</summary>
    public const string Default = "Parley";
}
