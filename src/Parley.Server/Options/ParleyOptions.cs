using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Options;

/// <summary>The <c>Parley</c> configuration section: where data lives and which database holds it.</summary>
public sealed class ParleyOptions
{
    public const string Section = "Parley";

    /// <summary>Folder for the SQLite file, token keys and (later) recordings. Default <c>./data</c>.</summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Public base URL printed in demo mode and used in links; default is the first listen address.</summary>
    public string? PublicUrl { get; set; }
}
