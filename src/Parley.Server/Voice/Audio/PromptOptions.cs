using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Voice.Audio;

/// <summary><c>Parley:Prompts</c>: limits of uploaded prompts and music on hold, and the memory kept for playing them.</summary>
public sealed class PromptOptions
{
    public const string Section = "Parley:Prompts";

    /// <summary>Largest file accepted (default 10 MiB); larger uploads get 413.</summary>
    [Range(64 * 1024, 512L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Longest audio accepted, in seconds (default 600 = 10 minutes).</summary>
    [Range(1, 3600)]
    public int MaxDurationSeconds { get; set; } = 600;

    /// <summary>Decoded prompt audio kept in memory for calls, in bytes (default 64 MiB; least recently used dropped).</summary>
    [Range(0, 4L * 1024 * 1024 * 1024)]
    public long MemoryCacheBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>The shipped music on hold (default <c>Assets/music-on-hold.wav</c> next to the server).</summary>
    [Required]
    public string DefaultMusicOnHoldPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "Assets", "music-on-hold.wav");
}
