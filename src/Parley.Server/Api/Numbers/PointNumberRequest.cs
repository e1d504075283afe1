using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Api.Numbers;

/// <summary>Body of <c>POST /numbers</c>: points one of the tenant's numbers (by its E.164 form) at a target.</summary>
public sealed record PointNumberRequest(
    [property: Required, StringLength(40)] string Number,
    [property: Required] string TargetKind,
    Guid? TargetId,
    [property: StringLength(200)] string? Description);
