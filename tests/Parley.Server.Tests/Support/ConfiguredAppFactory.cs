using Microsoft.AspNetCore.Hosting;

namespace Parley.Server.Tests.Support;

/// <summary>A server with the given settings on top of the test defaults, optionally in another environment (e.g. Production for HSTS).</summary>
public sealed class ConfiguredAppFactory(IEnumerable<KeyValuePair<string, string>> settings, string? environment = null, bool setsDemoSecrets = true) : ParleyAppFactory
{
    public ConfiguredAppFactory(params (string Key, string Value)[] settings)
        : this(settings.Select(s => new KeyValuePair<string, string>(s.Key, s.Value)))
    {
    }

    protected override bool SetsDemoSecrets => setsDemoSecrets;

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => settings;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (environment is not null)
        {
            builder.UseEnvironment(environment);
        }
    }
}
