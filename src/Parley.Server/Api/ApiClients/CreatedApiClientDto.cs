namespace Parley.Server.Api.ApiClients;

/// <summary>The only answer that ever carries the client secret: store it now, Parley keeps only its hash.</summary>
public sealed record CreatedApiClientDto(ApiClientDto Client, string ClientSecret);
