using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Options;

/// <summary>
/// <c>Parley:Metrics</c>: who may scrape <c>/metrics</c>. By default only loopback clients; a scraper elsewhere comes
/// in on the management port or presents the scrape token. Everyone else gets 403 (401 when a token is configured).
/// </summary>
public sealed class MetricsOptions
{
    public const string Section = "Parley:Metrics";

    /// <summary>Serve <c>/metrics</c> at all (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// A local port the server also listens on (add it to <c>urls</c> or <c>Kestrel:Endpoints</c>, e.g.
    /// <c>http://10.0.0.5:9100</c> on the monitoring network) that answers only <c>/metrics</c> and <c>/health/*</c>,
    /// to any client. Unset by default.
    /// </summary>
    [Range(1, 65535)]
    public int? ManagementPort { get; set; }

    /// <summary>A bearer token (<c>Authorization: Bearer …</c>, at least 32 characters) that lets a scraper in from any address. Unset by default.</summary>
    [MinLength(32)]
    public string? ScrapeToken { get; set; }
}
