using Parley.Server.Demo;
using Parley.Server.Options;

namespace Parley.Server.Extensions;

/// <summary>
/// Refuses configurations that would be unsafe to run: plain HTTP off loopback, a documented example secret anywhere in
/// configuration while anything (HTTP, SIP, media) listens off loopback, and HTTP off loopback without
/// <c>Parley:PublicUrl</c> (the OpenID issuer must not come from the Host header).
/// </summary>
internal static class StartupChecks
{
    public static IReadOnlyList<string> FindProblems(IConfiguration configuration)
    {
        var problems = new List<string>();
        var addresses = ListenAddresses.All(configuration);
        var http = configuration.GetSection(HttpOptions.Section).Get<HttpOptions>() ?? new HttpOptions();
        // The metrics management port answers /metrics and /health only: plain HTTP on a monitoring network is fine there.
        var management = configuration[$"{MetricsOptions.Section}:{nameof(MetricsOptions.ManagementPort)}"];
        var httpOffLoopback = addresses.Where(a => a.Service == "HTTP" && !a.IsLoopback && (management is null || ListenAddresses.PortOf(a.Address) != management)).ToList();
        foreach (var address in httpOffLoopback.Where(a => ListenAddresses.SchemeOf(a.Address) != Uri.UriSchemeHttps && !http.AllowPlainHttpOnNonLoopback))
        {
            problems.Add($"plain HTTP on non-loopback address {address.Address} ({address.Source}); configure HTTPS (Kestrel:Endpoints with a certificate) or set Parley:Http:AllowPlainHttpOnNonLoopback=true behind a TLS proxy");
        }

        if (httpOffLoopback.Count > 0 && !IsAbsoluteHttpUrl(configuration[$"{ParleyOptions.Section}:{nameof(ParleyOptions.PublicUrl)}"]))
        {
            problems.Add($"HTTP listens off loopback ({httpOffLoopback[0].Address}, {httpOffLoopback[0].Source}) but Parley:PublicUrl is not set; set it to the address clients use, e.g. https://cc.example.com (it is the OpenID issuer)");
        }

        if (addresses.FirstOrDefault(a => !a.IsLoopback) is { } exposed)
        {
            foreach (var key in DocumentedSecretsIn(configuration))
            {
                problems.Add($"{key} is a secret published in Parley's documentation and {exposed.Service} listens off loopback ({exposed.Address}, {exposed.Source}); choose your own (in demo mode leave Parley:Demo secrets unset to have them generated)");
            }
        }

        return problems;
    }

    /// <summary>Keys under <c>Parley</c> named like a secret (…Password, …Secret, …Token) whose value is a documented example.</summary>
    private static IEnumerable<string> DocumentedSecretsIn(IConfiguration configuration) =>
        configuration.GetSection(ParleyOptions.Section).AsEnumerable()
            .Where(pair => DocumentedSecrets.Contains(pair.Value) && IsSecretName(pair.Key[(pair.Key.LastIndexOf(':') + 1)..]))
            .Select(pair => pair.Key)
            .Order(StringComparer.Ordinal);

    private static bool IsSecretName(string name) =>
        name.EndsWith("Password", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Secret", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("Token", StringComparison.OrdinalIgnoreCase);

    private static bool IsAbsoluteHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
