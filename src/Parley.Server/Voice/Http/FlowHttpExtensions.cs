using Parley.Server.Net;
using Parley.Server.Webhooks;
using Parley.Voice.Ivr;

namespace Parley.Server.Voice.Http;

internal static class FlowHttpExtensions
{
    /// <summary>
    /// Registers <see cref="FlowHttpClient"/> as <see cref="IFlowHttpClient"/>. It shares the webhooks' SSRF switches
    /// (<see cref="WebhookOptions.AllowPrivateTargets"/>, <see cref="WebhookOptions.AllowInsecureHttp"/>), so call after
    /// <c>AddParleyWebhooks</c>.
    /// </summary>
    public static IServiceCollection AddParleyFlowHttp(this IServiceCollection services)
    {
        services.AddSingleton<IFlowHttpClient, FlowHttpClient>();
        services.AddHttpClient(FlowHttpClient.ClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan) // each request is timed by FlowHttpClient
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                ConnectCallback = GuardedConnect.Callback(sp.GetRequiredService<WebhookUrlGuard>().Rules),
            });
        return services;
    }
}
