using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Parley.Media;

public static class MediaServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MediaOptions"/> (validated when first resolved) and the singleton <see cref="MediaEngine"/>.
    /// Bind configuration in <paramref name="configure"/>, e.g. <c>o =&gt; config.GetSection(MediaOptions.SectionName).Bind(o)</c>.
    /// </summary>
    public static IServiceCollection AddParleyMedia(this IServiceCollection services, Action<MediaOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new MediaOptions();
        configure?.Invoke(options);
        options.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(options);
        services.TryAddSingleton(sp => new MediaEngine(
            sp.GetRequiredService<MediaOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()));
        return services;
    }
}
