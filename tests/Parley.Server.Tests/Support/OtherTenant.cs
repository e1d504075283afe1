namespace Parley.Server.Tests.Support;

/// <summary>
/// A second tenant ("tenant B") with a user, a custom role and an API client whose names all carry
/// <see cref="Canary"/>: that string must never appear in an answer given to anyone outside the tenant.
/// </summary>
public sealed record OtherTenant(
    Guid TenantId,
    string Slug,
    string Canary,
    string AdminUserName,
    string AdminPassword,
    Guid UserId,
    string UserName,
    string UserPassword,
    Guid RoleId,
    string RoleName,
    Guid ApiClientId,
    string ClientId,
    string ClientSecret)
{
    /// <summary>Contact-center objects of tenant B (skill, agent of <see cref="UserId"/>, queue, reason, interaction, webhook).</summary>
    public AcdObjects Acd { get; init; } = null!;
}
