namespace Parley.Server.Api.Account;

public sealed record MeDto(Guid TenantId, string Tenant, string ActorType, string Id, string Name, IReadOnlyList<string> Permissions);
