using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parley.Sip.Auth;
using Parley.Sip.Registrar;
using Parley.Sip.Stack;

namespace Parley.Sip.Hosting;

/// <summary>Registers the SIP stack. The host provides a <see cref="SipApplication"/> and starts/stops the stack.</summary>
public static class SipServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SipStack"/> as a singleton. When an <see cref="ISipCredentialStore"/> is registered, a digest-protected
    /// <see cref="SipRegistrar"/> answers REGISTER (see <see cref="SipStack.Registrar"/>), keeping bindings in the registered
    /// <see cref="ISipBindingStore"/> (in memory when none is). Call <see cref="SipStack.Start"/> from a hosted service.
    /// </summary>
    public static IServiceCollection AddParleySip(this IServiceCollection services, Action<SipStackOptions> configure, Action<SipDigestOptions>? configureDigest = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new SipStackOptions();
        configure(options);
        options.Validate();
        var digest = new SipDigestOptions();
        configureDigest?.Invoke(digest);
        services.AddSingleton(options);
        services.AddSingleton(digest);
        services.AddSingleton(sp =>
        {
            var store = sp.GetService<ISipCredentialStore>();
            var time = sp.GetService<TimeProvider>() ?? TimeProvider.System;
            var loggers = sp.GetRequiredService<ILoggerFactory>();
            var registrar = store is null ? null
                : new SipRegistrar(
                    new SipRegistrarOptions(),
                    new SipDigestAuthenticator(digest, store, time, loggers.CreateLogger("Parley.Sip.Auth"), new Defence.SipAuthGuard(options.Defence, time)),
                    sp.GetService<ISipBindingStore>() ?? new InMemorySipBindingStore(),
                    time,
                    loggers.CreateLogger("Parley.Sip.Registrar"));
            return new SipStack(options, sp.GetRequiredService<SipApplication>(), registrar, loggers, time);
        });
        return services;
    }
}
