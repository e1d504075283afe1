using System.Security.Cryptography;
using OpenIddict.Abstractions;
using Parley.Data;
using Parley.Data.Entities;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Parley.Server.Api.ApiClients;

/// <summary>Creates an API client: the Parley row plus the OpenIddict application that holds the hashed secret.</summary>
public sealed class ApiClientRegistrar(ParleyDbContext db, IOpenIddictApplicationManager applications, TimeProvider time)
{
    public async Task<(ApiClient Client, string Secret)> CreateAsync(
        Guid tenantId, string name, IEnumerable<string> permissions, string? clientId, string? secret, CancellationToken cancellationToken)
    {
        var client = new ApiClient
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            ClientId = clientId ?? "pc_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            Name = name,
            PermissionList = PermissionCodec.Join(permissions),
            CreatedAt = time.GetUtcNow(),
        };
        secret ??= NewSecret();

        await applications.CreateAsync(
            new OpenIddictApplicationDescriptor
            {
                ClientId = client.ClientId,
                ClientSecret = secret,
                ClientType = ClientTypes.Confidential,
                DisplayName = name,
                Permissions = { OpenIddictConstants.Permissions.Endpoints.Token, OpenIddictConstants.Permissions.Endpoints.Revocation, OpenIddictConstants.Permissions.GrantTypes.ClientCredentials },
            },
            cancellationToken);
        db.ApiClients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        return (client, secret);
    }

    /// <summary>A new client secret: 32 random bytes, base64url.</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
