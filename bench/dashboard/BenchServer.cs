using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Parley.Bench.Dashboard;

/// <summary>The whole server in memory (no listening socket but SIP/RTP on loopback port 0), demo tenant, fresh SQLite file, real clock.</summary>
internal sealed class BenchServer : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory;

    public BenchServer(string dataDirectory)
    {
        _dataDirectory = dataDirectory;
        // Outside a test project there is no content-root manifest: the bench's own output folder will do (no static files are served).
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PARLEY_SERVER", AppContext.BaseDirectory);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Parley:DataDirectory", _dataDirectory);
        builder.UseSetting("Parley:Demo:Enabled", "true");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Parley:Sip:Address", "127.0.0.1");
        builder.UseSetting("Parley:Sip:Port", "0");
        builder.UseSetting("Parley:Media:BindAddress", "127.0.0.1");
        builder.UseSetting("Parley:RateLimits:Enabled", "false");
        builder.ConfigureTestServices(services => services.RemoveAll<ILoggerProvider>());
    }
}
