namespace Parley.Server.Application.CannedResponses;

/// <summary>Whose a canned response is: the tenant's (kept by administrators) or the acting user's own.</summary>
public static class CannedResponseScopes
{
    public const string Tenant = "tenant";
    public const string Personal = "personal";

    public static bool IsKnown(string? scope) => scope is Tenant or Personal;
}
