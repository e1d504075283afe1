using System.Net;

namespace Parley.Server.Extensions;

/// <summary>
/// The addresses the server will really listen on, read from configuration the way the host reads it:
/// <list type="bullet">
/// <item>HTTP: <c>Kestrel:Endpoints</c> if any (they override the rest), else <c>urls</c> (<c>--urls</c>,
/// <c>ASPNETCORE_URLS</c>), else <c>http_ports</c>/<c>https_ports</c> (<c>ASPNETCORE_HTTP_PORTS</c>/<c>_HTTPS_PORTS</c>,
/// which listen on every address), else Kestrel's default <c>http://localhost:5000</c>;</item>
/// <item>SIP: <c>Parley:Sip:Address</c> (default 0.0.0.0) unless <c>Parley:Sip:Enabled=false</c>;</item>
/// <item>media: <c>Parley:Media:BindAddress</c> (default 0.0.0.0).</item>
/// </list>
/// </summary>
internal static class ListenAddresses
{
    public static IReadOnlyList<ListenAddress> All(IConfiguration configuration)
    {
        var all = new List<ListenAddress>(Http(configuration).Select(u => new ListenAddress("HTTP", u.Url, u.Source, IsLoopback(u.Url))));
        if (!string.Equals(configuration["Parley:Sip:Enabled"], "false", StringComparison.OrdinalIgnoreCase))
        {
            var sip = configuration["Parley:Sip:Address"] ?? "0.0.0.0";
            all.Add(new ListenAddress("SIP", sip, "Parley:Sip:Address", IsLoopbackIp(sip)));
        }

        var media = configuration["Parley:Media:BindAddress"] ?? "0.0.0.0";
        all.Add(new ListenAddress("media (RTP)", media, "Parley:Media:BindAddress", IsLoopbackIp(media)));
        return all;
    }

    /// <summary>The HTTP listen URLs and the key each came from.</summary>
    public static IReadOnlyList<(string Url, string Source)> Http(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Where(e => !string.IsNullOrWhiteSpace(e["Url"]))
            .Select(e => (e["Url"]!.Trim(), $"Kestrel:Endpoints:{e.Key}:Url"))
            .ToList();
        if (endpoints.Count > 0)
        {
            return endpoints;
        }

        var (urls, urlsKey) = First(configuration, "urls", "ASPNETCORE_URLS");
        if (!string.IsNullOrWhiteSpace(urls))
        {
            return Split(urls).Select(u => (u, urlsKey)).ToList();
        }

        var (httpPorts, httpKey) = First(configuration, "http_ports", "ASPNETCORE_HTTP_PORTS");
        var (httpsPorts, httpsKey) = First(configuration, "https_ports", "ASPNETCORE_HTTPS_PORTS");
        var fromPorts = Split(httpPorts).Select(p => ($"http://*:{p}", httpKey))
            .Concat(Split(httpsPorts).Select(p => ($"https://*:{p}", httpsKey)))
            .ToList();
        return fromPorts.Count > 0 ? fromPorts : [("http://localhost:5000", "Kestrel's default")];
    }

    /// <summary>The URL's scheme, or null when it cannot be read.</summary>
    public static string? SchemeOf(string url) => ToUri(url)?.Scheme;

    /// <summary>The URL's port as written, or null.</summary>
    public static string? PortOf(string url) => ToUri(url) is { IsDefaultPort: false } uri ? uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    public static bool IsLoopback(string url)
    {
        if (url.Contains("://unix:", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // Kestrel binds a host name other than localhost to every address, and so does "*", "+" or an unreadable URL.
        return ToUri(url) is { } uri && (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase) || IsLoopbackIp(uri.Host));
    }

    private static bool IsLoopbackIp(string address) =>
        IPAddress.TryParse(address.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);

    private static Uri? ToUri(string url) =>
        Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri : null;

    private static (string? Value, string Key) First(IConfiguration configuration, string key, string environmentKey) =>
        configuration[key] is { Length: > 0 } value ? (value, key) : (configuration[environmentKey], environmentKey);

    private static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
