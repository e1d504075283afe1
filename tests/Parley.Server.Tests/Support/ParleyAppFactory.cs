using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Parley.Server.Tests.Support;

/// <summary>
/// The whole server in memory, in demo mode, on a fresh SQLite file in its own temporary data directory, with a
/// <see cref="FakeTimeProvider"/> as the clock. One per test class; subclasses add settings (e.g. low rate limits).
/// </summary>
public partial class ParleyAppFactory : WebApplicationFactory<Program>
{
    public ParleyAppFactory()
    {
        DataDirectory = Directory.CreateTempSubdirectory("parley-server-tests-").FullName;
    }

    public string DataDirectory { get; }

    public string DatabasePath => Path.Combine(DataDirectory, "parley.db");

    /// <summary>The server's clock; starts at the real time so tokens it signs also look current to anyone else.</summary>
    public FakeTimeProvider Time { get; } = new(TimeProvider.System.GetUtcNow());

    /// <summary>The server's clock: the fake <see cref="Time"/>, unless a factory needs real time (live calls).</summary>
    protected virtual TimeProvider Clock => Time;

    /// <summary>The demo secrets the tests set (a server left to itself generates its own, see DemoSecretsTests).</summary>
    public const string DemoAdminPassword = "Test-Admin-Secret-1";
    public const string DemoSupervisorPassword = "Test-Supervisor-Secret-1";
    public const string DemoAgentPassword = "Test-Agent-Secret-1";
    public const string DemoApiClientSecret = "test-api-client-secret-0123456789";
    public const string DemoSipPassword = "Test-Sip-Secret-1";
    public const string OperatorPassword = "Test-Operator-Secret-1";

    /// <summary>False for a server that must generate its demo secrets itself.</summary>
    protected virtual bool SetsDemoSecrets => true;

    /// <summary>Settings a subclass wants on top of the defaults (configuration keys as in appsettings.json).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> ExtraSettings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Parley:DataDirectory", DataDirectory);
        builder.UseSetting("Parley:Demo:Enabled", "true");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Parley:Sip:Address", "127.0.0.1");
        builder.UseSetting("Parley:Sip:Port", "0");
        builder.UseSetting("Parley:Media:BindAddress", "127.0.0.1");
        // A test host stops at once: a call a test left up is ended (node_drain) after a second of drain, not five minutes.
        builder.UseSetting("Parley:Cluster:DrainTimeout", "00:00:01");

        // Test webhooks point at loopback (a receiver, or a closed port), so no delivery ever leaves the machine;
        // the guard itself is tested with a factory that turns this back off.
        builder.UseSetting("Parley:Webhooks:AllowPrivateTargets", "true");
        // Report aggregates close only when a test runs the job, so records a test stores in the past stay raw until then.
        builder.UseSetting("Parley:Reports:CloseInterval", "01:00:00");
        if (SetsDemoSecrets)
        {
            builder.UseSetting("Parley:Demo:AdminPassword", DemoAdminPassword);
            builder.UseSetting("Parley:Demo:SupervisorPassword", DemoSupervisorPassword);
            builder.UseSetting("Parley:Demo:AgentPassword", DemoAgentPassword);
            builder.UseSetting("Parley:Demo:ApiClientSecret", DemoApiClientSecret);
            builder.UseSetting("Parley:Demo:SipPassword", DemoSipPassword);
            builder.UseSetting("Parley:Platform:OperatorPassword", OperatorPassword);
        }

        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(Clock);
            services.RemoveAll<ILoggerProvider>();
            services.AddSingleton<IStartupFilter, LoopbackPeerStartupFilter>();
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind does no harm.
        }

        GC.SuppressFinalize(this);
    }
}
