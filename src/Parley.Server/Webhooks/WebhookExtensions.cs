using System.Net;
using System.Net.Sockets;
using Parley.Server.Options.Validation;

namespace Parley.Server.Webhooks;

internal static class WebhookExtensions
{
    public static IServiceCollection AddParleyWebhooks(this IServiceCollection services)
    {
        services.AddValidatedOptions<WebhookOptions, WebhookOptionsValidator>(WebhookOptions.Section);
        services.AddSingleton<WebhookUrlGuard>();
        services.AddSingleton<WebhookOutbox>();
        services.AddHostedService<WebhookSender>();
        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var guard = sp.GetRequiredService<WebhookUrlGuard>();
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    // Checked again at connect time, so a DNS answer that changed since subscribing cannot reach private ranges.
                    ConnectCallback = async (context, cancellationToken) =>
                    {
                        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
                        var allowed = addresses.FirstOrDefault(guard.IsAllowed)
                            ?? throw new HttpRequestException("The webhook URL resolves to a loopback or private address.");
                        var socket = new Socket(allowed.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                        try
                        {
                            await socket.ConnectAsync(new IPEndPoint(allowed, context.DnsEndPoint.Port), cancellationToken);
                            return new NetworkStream(socket, ownsSocket: true);
                        }
                        catch
                        {
                            socket.Dispose();
                            throw;
                        }
                    },
                };
            });
        return services;
    }
}
