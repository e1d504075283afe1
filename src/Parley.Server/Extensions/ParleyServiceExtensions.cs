using Parley.Server.WebChat;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Parley.Server.Api.ApiClients;
using Parley.Server.Api.Flows;
using Parley.Server.Audit;
using Parley.Server.Demo;
using Parley.Server.Health;
using Parley.Server.Health.Liveness;
using Parley.Server.Hubs;
using Parley.Server.Nodes;
using Parley.Server.Options;
using Parley.Server.Options.Validation;
using Parley.Server.Sip;
using Parley.Server.Tenants;
using Parley.Server.Voice.Audio;
using Parley.Server.Voice.Calls;
using Parley.Server.Voice.Http;
using Parley.Server.Voice.Records;
using Parley.Server.Webhooks;
using Parley.Speech;

namespace Parley.Server.Extensions;

/// <summary>The composition root's service half: every Parley service is registered from here.</summary>
public static class ParleyServiceExtensions
{
    /// <summary>What the shutdown has after the drain: grains deactivate, the silo leaves the cluster, listeners close.</summary>
    public static readonly TimeSpan ShutdownAfterDrain = TimeSpan.FromSeconds(20);

    public static WebApplicationBuilder AddParley(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        builder.AddParleyLogging();

        services.AddValidatedOptions<ParleyOptions, ParleyOptionsValidator>(ParleyOptions.Section);
        services.AddValidatedOptions<DatabaseOptions, DatabaseOptionsValidator>(DatabaseOptions.Section);
        services.AddValidatedOptions<AccessTokenOptions, AccessTokenOptionsValidator>(AccessTokenOptions.Section);
        services.AddValidatedOptions<RateLimitOptions, RateLimitOptionsValidator>(RateLimitOptions.Section);
        services.AddValidatedOptions<HttpOptions, HttpOptionsValidator>(HttpOptions.Section);
        services.AddValidatedOptions<CredentialLimitOptions, CredentialLimitOptionsValidator>(CredentialLimitOptions.Section);
        // Nothing to annotate: an unset demo secret is generated, a set one is checked by Identity's policy when seeded.
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddValidatedOptions<PlatformOptions, PlatformOptionsValidator>(PlatformOptions.Section);
        services.AddValidatedOptions<MetricsOptions, MetricsOptionsValidator>(MetricsOptions.Section);
        services.AddValidatedOptions<FlowStoreOptions, FlowStoreOptionsValidator>(FlowStoreOptions.Section);

        var http = configuration.GetSection(HttpOptions.Section).Get<HttpOptions>() ?? new HttpOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = http.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = http.MaxRequestHeadersTotalBytes;
            kestrel.Limits.MaxRequestHeaderCount = http.MaxRequestHeaderCount;
        });
        // SIGTERM drains the node first (Parley:Cluster:DrainTimeout at most), then the rest of the shutdown has 20 s.
        services.AddOptions<HostOptions>().Configure<ClusterTopology>((o, cluster) => o.ShutdownTimeout = cluster.Options.DrainTimeout + ShutdownAfterDrain);

        services.AddSingleton(TimeProvider.System);
        var dataDirectory = configuration[$"{ParleyOptions.Section}:{nameof(ParleyOptions.DataDirectory)}"] ?? "./data";
        services.AddDataProtection().SetApplicationName("Parley")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys", "data-protection")));
        services.AddParleyData(configuration);
        services.AddParleyIdentity(configuration);
        services.AddParleyApiConventions();
        services.AddParleyRateLimiting(configuration);
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<StartupHealthCheck>("startup", tags: ["ready"]);

        services.AddSingleton<TenantStatusCache>();
        services.AddSingleton<HubConnections>();
        services.AddSingleton<HubConnectionRevalidator>();
        services.AddHostedService(sp => sp.GetRequiredService<HubConnectionRevalidator>());
        services.AddSingleton<TenantAdministration>();
        services.AddSingleton<AuditWriter>();
        services.AddScoped<AuditScope>();
        services.AddScoped<ApiClientRegistrar>();
        services.AddScoped<PlatformBootstrap>();
        services.AddScoped<KnownSecretsAudit>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton(sp => DemoSecretsFile.Resolve(
            sp.GetRequiredService<IOptions<ParleyOptions>>().Value.DataDirectory,
            sp.GetRequiredService<IOptions<DemoOptions>>().Value,
            sp.GetRequiredService<IOptions<PlatformOptions>>().Value));
        builder.AddParleyCluster();

        // Hosted services start in registration order: the Orleans silo (above) starts while StartupWork migrates the
        // database; what reads the database (SIP listeners, webhook sender, then the HTTP server) starts once it is
        // migrated, while the platform operator and the demo tenant are seeded behind the readiness gate.
        services.AddParleyCallRecords();
        services.AddSingleton<StartupWork>();
        services.AddHostedService(sp => sp.GetRequiredService<StartupWork>());
        services.AddHostedService<Voice.Records.DeadNodeCalls>();
        services.AddHostedService<Auth.Tokens.RevokedTokenRefresher>();
        builder.AddParleySipHost();
        services.AddParleyCalls(configuration);
        Recordings.RecordingsExtensions.AddParleyRecordings(services);
        services.AddParleyWebhooks();
        services.AddParleyFlowHttp();
        services.AddParleySpeech(o =>
        {
            o.CacheDirectory = Path.Combine(dataDirectory, "speech-cache");
            configuration.GetSection(SpeechOptions.SectionName).Bind(o);
        });
        services.AddParleyFlowStore();
        services.AddParleyCallAudio();
        services.AddParleyWeb();
        services.AddParleyLiveness();
        services.AddParleyWebChat();
        services.AddParleyNodeDrain();

        // Last of all: the drain's StoppingAsync runs before any other service stops (reverse order).
        services.AddParleyDrainOnStop();
        return builder;
    }
}
