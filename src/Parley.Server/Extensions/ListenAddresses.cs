using System.Net;

namespace Parley.Server.Extensions;

/// <summary>The addresses the server is configured to listen on (<c>urls</c>, <c>ASPNETCORE_URLS</c>, <c>Kestrel:Endpoints</c>).</summary>
internal static class ListenAddresses
{
    public static IReadOnlyList<Uri> FromConfiguration(IConfiguration configuration)
    {
        var urls = new List<string>();
        urls.AddRange((configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { } url)
            {
                urls.Add(url);
            }
        }

        if (urls.Count == 0)
        {
            urls.Add("http://localhost:5000");
        }

        return urls.Select(u => new Uri(u.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal))).ToList();
    }

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
