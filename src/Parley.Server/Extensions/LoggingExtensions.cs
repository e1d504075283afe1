using Microsoft.Extensions.Logging.Console;
using Parley.Server.Options;

namespace Parley.Server.Extensions;

/// <summary>
/// The console log: JSON by default (production), short human-readable lines in demo mode. <c>Parley:Logging:Format</c>
/// (<c>Json</c> or <c>Simple</c>) overrides either default.
/// </summary>
internal static class LoggingExtensions
{
    /// <summary>Categories whose start-up chatter a person trying the demo does not need below warning.</summary>
    private static readonly string[] FrameworkCategories = ["Orleans", "Microsoft", "OpenIddict", "System.Net.Http"];

    /// <summary>
    /// Framework warnings that are advice for a production operator, not news for a person trying the demo: Orleans' note
    /// that server GC is off (workstation GC is chosen on purpose), its watchdog (it fires on a busy laptop and once at
    /// start with a figure counted from boot), and Data Protection's note that keys are stored unencrypted (they are in the
    /// owner-only data directory). Errors from these categories still show.
    /// </summary>
    private static readonly string[] ProductionAdvice = ["Orleans.Runtime.Silo", "Orleans.Runtime.Watchdog", "Microsoft.AspNetCore.DataProtection"];

    public static LogFormat ChooseFormat(IConfiguration configuration)
    {
        var configured = configuration.GetValue("Parley:Logging:Format", LogFormat.Auto);
        return configured != LogFormat.Auto ? configured
            : configuration.GetValue<bool>("Parley:Demo:Enabled") ? LogFormat.Simple : LogFormat.Json;
    }

    public static WebApplicationBuilder AddParleyLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        if (ChooseFormat(builder.Configuration) == LogFormat.Simple)
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.IncludeScopes = false;
                o.TimestampFormat = "HH:mm:ss ";
                o.ColorBehavior = LoggerColorBehavior.Default;
            });
            foreach (var category in FrameworkCategories)
            {
                builder.Logging.AddFilter(category, LogLevel.Warning);
            }

            foreach (var category in ProductionAdvice)
            {
                builder.Logging.AddFilter(category, LogLevel.Error);
            }

            return builder;
        }

        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = false;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.UseUtcTimestamp = true;
        });
        return builder;
    }
}
