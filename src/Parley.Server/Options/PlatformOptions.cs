using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Options;

/// <summary>
/// <c>Parley:Platform</c>: the first platform operator, created at start-up when no operator exists and a password
/// is configured (in demo mode a generated one, kept in the demo secrets file).
/// </summary>
public sealed class PlatformOptions
{
    public const string Section = "Parley:Platform";

    [Required]
    public string OperatorUserName { get; set; } = "operator";

    public string? OperatorPassword { get; set; }
}
