using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Voice.Records;

/// <summary><c>Parley:NodeId</c>: this node's name on its call records.</summary>
public sealed class VoiceNodeOptions
{
    public const string Section = "Parley";

    /// <summary>
    /// Unset (the default): the machine name and a hash of the full data-directory path, e.g. <c>host1-3f9a0c12</c>,
    /// which stays the same across restarts of the same installation. Set it when a node's machine name or data
    /// directory can change between restarts (containers), or to name nodes yourself. 1–64 of <c>A-Z a-z 0-9 . _ -</c>.
    /// </summary>
    [StringLength(64, MinimumLength = 1)]
    [RegularExpression("^[A-Za-z0-9._-]+$", ErrorMessage = "Parley:NodeId may hold only letters, digits, '.', '_' and '-'.")]
    public string? NodeId { get; set; }
}
