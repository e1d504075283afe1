using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parley.Server.Extensions;
using Parley.Server.Options;

namespace Parley.Server.Tests.Extensions;

/// <summary>The console log: JSON in production, short lines in demo mode, one setting to switch either way.</summary>
public sealed class LoggingFormatTests
{
    [Theory]
    [InlineData(false, null, LogFormat.Json)]
    [InlineData(true, null, LogFormat.Simple)]
    [InlineData(true, "Json", LogFormat.Json)]
    [InlineData(false, "Simple", LogFormat.Simple)]
    public void Format_follows_demo_mode_unless_set(bool demo, string? setting, LogFormat expected)
    {
        var settings = new Dictionary<string, string?> { ["Parley:Demo:Enabled"] = demo ? "true" : "false", ["Parley:Logging:Format"] = setting };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        Assert.Equal(expected, LoggingExtensions.ChooseFormat(configuration));
    }

    [Fact]
    public void Demo_mode_keeps_parleys_information_and_lifts_framework_chatter_to_warning_and_production_advice_to_error()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Configuration["Parley:Demo:Enabled"] = "true";
        builder.AddParleyLogging();
        using var services = builder.Services.BuildServiceProvider();
        var loggers = services.GetRequiredService<ILoggerFactory>();

        Assert.True(loggers.CreateLogger("Parley.Startup").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("Orleans.Runtime.Silo").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("Microsoft.EntityFrameworkCore.Database.Command").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Orleans.Runtime.Messaging").IsEnabled(LogLevel.Warning));

        // Advice for a production operator (server GC off, keys stored unencrypted, the watchdog on a busy laptop): errors only.
        Assert.False(loggers.CreateLogger("Orleans.Runtime.Silo").IsEnabled(LogLevel.Warning));
        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager").IsEnabled(LogLevel.Warning));
        Assert.True(loggers.CreateLogger("Orleans.Runtime.Silo").IsEnabled(LogLevel.Error));
    }
}
