using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Api.NotReadyReasons;

/// <summary>Body of creating or replacing a not-ready reason; <see cref="Code"/> is what agents select.</summary>
public sealed record NotReadyReasonRequest(
    [property: Required, StringLength(40, MinimumLength = 1), RegularExpression("^[a-z0-9][a-z0-9-]*$")] string Code,
    [property: Required, StringLength(100, MinimumLength = 1)] string Name);
