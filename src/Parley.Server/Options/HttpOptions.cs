using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Options;

/// <summary><c>Parley:Http</c>: request limits, the plain-HTTP rule, trusted proxies and the API reference endpoints.</summary>
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

    /// <summary>
    /// Addresses of reverse proxies whose <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> are believed (client address
    /// for rate limits, audit and logs; https for Secure cookies and HSTS). Empty by default: no forwarded header is
    /// believed, not even from loopback.
    /// </summary>
    [IpAddressList]
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks (<c>10.0.0.0/8</c>) of such proxies.</summary>
    [IpAddressList(Networks = true)]
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Serve the OpenAPI document at <c>/openapi/v1.json</c> (default true).</summary>
    public bool OpenApiEnabled { get; set; } = true;

    /// <summary>Serve the Scalar API reference at <c>/scalar</c> (default true).</summary>
    public bool ScalarEnabled { get; set; } = true;
}
