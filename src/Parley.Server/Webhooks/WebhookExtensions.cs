using Parley.Server.Net;

namespace Parley.Server.Webhooks;

internal static class WebhookExtensions
{
    public static IServiceCollection AddParleyWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section)
            .Validate(o => o.MaxAttempts is >= 1 and <= 20, "Parley:Webhooks:MaxAttempts must be 1–20.")
            .Validate(o => o.MaxConcurrentRequests is >= 1 and <= 1000, "Parley:Webhooks:MaxConcurrentRequests must be 1–1000.")
            .Validate(o => o.RequestTimeout >= TimeSpan.FromSeconds(1) && o.RequestTimeout <= TimeSpan.FromMinutes(5), "Parley:Webhooks:RequestTimeout must be 1 s – 5 min.")
            .Validate(o => o.FirstRetryDelay > TimeSpan.Zero, "Parley:Webhooks:FirstRetryDelay must be positive.")
            .ValidateOnStart();
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
