using Parley.Data.Entities;

namespace Parley.Server.Api.ApiClients;

public sealed record ApiClientDto(Guid Id, string ClientId, string Name, IReadOnlyList<string> Permissions, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, long Version)
{
    public static ApiClientDto From(ApiClient client) =>
        new(client.Id, client.ClientId, client.Name, client.GetPermissions(), client.CreatedAt, client.RevokedAt, client.Version);
}
