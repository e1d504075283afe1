using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Parley.Server.Options;

namespace Parley.Server.Extensions;

/// <summary>
/// Believes <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> from the configured proxies only
/// (<c>Parley:Http:KnownProxies</c>/<c>KnownNetworks</c>; none by default, loopback included). The client address then
/// feeds rate limits, audit and logs, and https from the proxy gives Secure cookies and HSTS. <c>X-Forwarded-Host</c>
/// is never believed: links and the OpenID issuer come from <c>Parley:PublicUrl</c>.
/// </summary>
internal static class ForwardedHeadersExtensions
{
    public static IApplicationBuilder UseParleyForwardedHeaders(this IApplicationBuilder app, HttpOptions http)
    {
        if (http.KnownProxies.Count == 0 && http.KnownNetworks.Count == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = null, // each hop is consumed only while the address it came from is a known proxy
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in http.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in http.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        return app.UseForwardedHeaders(options);
    }
}
