using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Options;

/// <summary><c>Parley:Http</c>: request limits and the plain-HTTP rule.</summary>
public sealed class HttpOptions
{
    public const string Section = "Parley:Http";

    /// <summary>Largest request body accepted (default 1 MiB); larger bodies get 413.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    [Range(1024, 1024 * 1024)]
    public int MaxRequestHeadersTotalBytes { get; set; } = 32 * 1024;

    [Range(10, 1000)]
    public int MaxRequestHeaderCount { get; set; } = 100;

    /// <summary>Plain HTTP is refused on non-loopback addresses unless this is set (e.g. behind a TLS-terminating proxy).</summary>
    public bool AllowPlainHttpOnNonLoopback { get; set; }
}
