namespace Parley.Server.Auth;

/// <summary>Claim types Parley puts in cookies and access tokens.</summary>
public static class ParleyClaims
{
    public const string TenantId = "tenant_id";
    public const string TenantSlug = "tenant";
    public const string Permission = "permission";
    public const string ActorType = "actor_type";

    public const string ActorUser = "user";
    public const string ActorApiClient = "api-client";
}
