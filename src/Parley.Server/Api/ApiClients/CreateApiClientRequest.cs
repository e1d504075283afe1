using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Api.ApiClients;

public sealed record CreateApiClientRequest(
    [property: Required, StringLength(200, MinimumLength = 2)] string Name,
    [property: Required, MaxLength(100)] IReadOnlyList<string> Permissions);
