using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Api.Platform;

/// <summary>Body of assigning a number: strict E.164 (<c>+</c> then 8–15 digits; spaces and dashes are dropped) and the tenant.</summary>
public sealed record AssignNumberRequest(
    [property: Required, StringLength(40)] string Number,
    [property: Required] Guid TenantId,
    [property: StringLength(200)] string? Description);
