using Parley.Server.Options;

namespace Parley.Server.Extensions;

/// <summary>Refuses configurations that would be unsafe to run: plain HTTP or demo credentials off loopback.</summary>
internal static class StartupChecks
{
    public static IReadOnlyList<string> FindProblems(IConfiguration configuration)
    {
        var problems = new List<string>();
        var addresses = ListenAddresses.FromConfiguration(configuration);
        var http = configuration.GetSection(HttpOptions.Section).Get<HttpOptions>() ?? new HttpOptions();
        var demo = configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        foreach (var address in addresses.Where(a => !ListenAddresses.IsLoopback(a)))
        {
            if (address.Scheme == Uri.UriSchemeHttp && !http.AllowPlainHttpOnNonLoopback)
            {
                problems.Add($"plain HTTP on non-loopback address {address}; configure HTTPS (Kestrel:Endpoints with a certificate) or set Parley:Http:AllowPlainHttpOnNonLoopback=true behind a TLS proxy");
            }

            if (demo.Enabled && demo.UsesDefaultCredentials && !demo.AllowDefaultsOnNonLoopback)
            {
                problems.Add($"demo mode with default credentials on non-loopback address {address}; set Parley:Demo passwords or Parley:Demo:AllowDefaultsOnNonLoopback=true");
            }
        }

        return problems;
    }
}
