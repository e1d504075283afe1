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
