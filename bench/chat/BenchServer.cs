using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Parley.Bench.Chat;

/// <summary>
/// The whole server in this process behind real Kestrel on 127.0.0.1 (an ephemeral port), demo tenant, fresh SQLite file,
/// real clock; HTTP rate limits off (the bench is one client), web chat limits from the command line.
/// </summary>
internal sealed class BenchServer : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory;
    private readonly IReadOnlyDictionary<string, string> _settings;

    public BenchServer(string dataDirectory, IReadOnlyDictionary<string, string> settings)
    {
        _dataDirectory = dataDirectory;
        _settings = settings;
        // Outside a test project there is no content-root manifest: the bench's own output folder will do.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PARLEY_SERVER", AppContext.BaseDirectory);
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Parley:DataDirectory", _dataDirectory);
        builder.UseSetting("Parley:Demo:Enabled", "true");
        builder.UseSetting("Parley:Sip:Address", "127.0.0.1");
        builder.UseSetting("Parley:Sip:Port", "0");
        builder.UseSetting("Parley:Media:BindAddress", "127.0.0.1");
        builder.UseSetting("Parley:RateLimits:Enabled", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.RemoveAll<ILoggerProvider>());
    }
}
