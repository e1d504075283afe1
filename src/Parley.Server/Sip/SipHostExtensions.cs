using Microsoft.Extensions.Options;
using Parley.Media;
using Parley.Server.Options.Validation;
using Parley.Sip.Auth;
using Parley.Sip.Defence;
using Parley.Sip.Messages;
using Parley.Sip.Registrar;
using Parley.Sip.Stack;
using Parley.Voice;
using Parley.Server.Voice;
using Parley.Voice.Calls;
using Parley.Voice.Numbers;

namespace Parley.Server.Sip;

/// <summary>
/// Hosts Parley.Sip, Parley.Media and Parley.Voice in the server: listeners, echo test, registrar, health. One
/// <see cref="SipDigestAuthenticator"/> serves the registrar (realm: the To host, the address of record's domain) and the
/// <see cref="VoiceRouter"/> (INVITE realm: the From host, the caller's own domain).
/// </summary>
internal static class SipHostExtensions
{
    public static WebApplicationBuilder AddParleySipHost(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<SipHostOptions, SipHostAnnotationsValidator>(SipHostOptions.Section);
        services.AddSingleton<IValidateOptions<SipHostOptions>, SipHostOptionsValidator>();
        services.AddParleyMedia(o =>
        {
            // One media-clock lane per two cores (1..4): a lane half as busy catches up faster after a GC pause, but the
            // lanes run at raised priority, and lanes on every core starved signalling and routing in an overload
            // (docs/performance.md, "what stops the media clock"). Parley:Media:Clock:Lanes wins.
            o.Clock.Lanes = Math.Clamp(Environment.ProcessorCount / 2, 1, 4);
            builder.Configuration.GetSection(MediaOptions.SectionName).Bind(o);
        });
        services.AddParleyVoice(o => builder.Configuration.GetSection(Parley.Voice.Echo.EchoTestOptions.SectionName).Bind(o));
        services.AddSingleton<SipRealms>();
        services.AddSingleton<SipAdmissionScopes>();
        services.AddSingleton<ISipCredentialStore, TenantSipCredentialStore>();
        services.AddSingleton<ISipBindingStore, TenantSipBindingStore>();
        services.AddSingleton<NumberDirectory>();
        services.AddSingleton<IInboundNumberResolver, InboundNumberResolver>();
        services.AddSingleton<SipRegistrationSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<SipRegistrationSweeper>());
        services.AddSingleton(sp =>
        {
            var realms = sp.GetRequiredService<SipRealms>();
            return new SipDigestOptions
            {
                RealmSelector = request => request.Method == SipMethods.Invite ? request.From.Uri.Host.ToLowerInvariant() : realms.RealmOf(request),
            };
        });
        services.AddSingleton(sp => SipAuthMetrics.Publish(new SipAuthGuard(
            SipStackOptionsFactory.Defence(sp.GetRequiredService<IOptions<SipHostOptions>>().Value.Defence), sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton(sp => new SipDigestAuthenticator(
            sp.GetRequiredService<SipDigestOptions>(),
            sp.GetRequiredService<ISipCredentialStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Parley.Sip.Auth"),
            sp.GetRequiredService<SipAuthGuard>()));
        services.AddSingleton(sp =>
        {
            var realms = sp.GetRequiredService<SipRealms>();
            return new VoiceRouterOptions { IsTenantDomain = host => realms.SlugOf(host) is not null };
        });
        services.AddSingleton(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            var loggers = sp.GetRequiredService<ILoggerFactory>();
            var authenticator = sp.GetRequiredService<SipDigestAuthenticator>();
            var host = sp.GetRequiredService<IOptions<SipHostOptions>>().Value;
            var registrarOptions = new SipRegistrarOptions
            {
                MinExpires = host.Registrar.MinExpires,
                MaxExpires = host.Registrar.MaxExpires,
                DefaultExpires = host.Registrar.DefaultExpires,
            };
            var registrar = new SipRegistrar(registrarOptions, authenticator, sp.GetRequiredService<ISipBindingStore>(), time, loggers.CreateLogger("Parley.Sip.Registrar"));
            var options = SipStackOptionsFactory.Create(host);
            options.Admission.ScopeResolver = sp.GetRequiredService<SipAdmissionScopes>().Resolve;
            options.Availability = sp.GetRequiredService<Nodes.NodeDrain>();
            var stack = new SipStack(options, sp.GetRequiredService<SipApplication>(), registrar, loggers, time);
            SipAdmissionMetrics.Publish(stack.Admission);
            MediaClockMetrics.Publish(sp.GetRequiredService<MediaEngine>().Clock);
            MediaPortMetrics.Publish(sp.GetRequiredService<MediaEngine>(), sp.GetService<InboundCalls>());
            return stack;
        });
        services.AddHostedService<SipHostedService>();
        services.AddHealthChecks().AddCheck<SipListenersHealthCheck>("sip", tags: ["ready"]);
        return builder;
    }
}
