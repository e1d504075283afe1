using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Api.Numbers;

/// <summary>
/// Body of <c>PUT /numbers/{id}</c>: where the number sends its calls — <c>Flow</c> (a flow id; it runs the published
/// version), <c>Queue</c> (a queue of the tenant) or <c>None</c> (calls answer 480).
/// </summary>
public sealed record NumberTargetRequest(
    [property: Required] string TargetKind,
    Guid? TargetId,
    [property: StringLength(200)] string? Description);
