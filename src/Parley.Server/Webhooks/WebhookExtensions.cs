using Parley.Server.Net;
using Parley.Server.Options.Validation;

namespace Parley.Server.Webhooks;

internal static class WebhookExtensions
{
    public static IServiceCollection AddParleyWebhooks(this IServiceCollection services)
    {
        services.AddValidatedOptions<WebhookOptions, WebhookOptionsValidator>(WebhookOptions.Section);
        services.AddSingleton<WebhookUrlGuard>();
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<WebhookDeliverer>();
        services.AddHostedService<WebhookSender>();
        services.AddHttpClient(WebhookDeliverer.ClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan) // each attempt is timed by WebhookDeliverer's Polly pipeline
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                // Checked again at connect time, so a DNS answer that changed since subscribing cannot reach private ranges.
                ConnectCallback = GuardedConnect.Callback(sp.GetRequiredService<WebhookUrlGuard>().Rules),
            });
        return services;
    }
}
