using System.Net;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Server.Logging;

namespace Parley.Server.Webhooks;

/// <summary>
/// Sends pending deliveries of every tenant, signed with the subscription's secret; failed attempts are retried
/// with exponential back-off (<see cref="WebhookOptions.FirstRetryDelay"/>, doubled each time) up to
/// <see cref="WebhookOptions.MaxAttempts"/>, and every attempt's outcome is kept in the delivery log.
/// </summary>
internal sealed class WebhookSender(
    IServiceScopeFactory scopes,
    IHttpClientFactory clients,
    IDataProtectionProvider protection,
    WebhookOutbox outbox,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookSender> logger) : BackgroundService
{
    public const string ClientName = "webhooks";
    public const string SecretPurpose = "Parley.Webhooks.Secret";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.WebhookLoopFailed(logger, exception);
            }

            using var poll = new CancellationTokenSource(options.Value.PollInterval, time);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, poll.Token);
            try
            {
                await outbox.Signal.WaitToReadAsync(wait.Token);
                outbox.Signal.TryRead(out _);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // Poll interval elapsed: look for retries that became due.
            }
        }
    }

    private async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var now = time.GetUtcNow();
        var due = await db.WebhookDeliveries.IgnoreQueryFilters()
            .Where(d => d.Status == "Pending" && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt)
            .Take(100)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var ids = due.Select(d => d.SubscriptionId).Distinct().ToList();
        var subscriptions = await db.WebhookSubscriptions.IgnoreQueryFilters().AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var protector = protection.CreateProtector(SecretPurpose);
        var client = clients.CreateClient(ClientName);
        foreach (var delivery in due)
        {
            if (!subscriptions.TryGetValue(delivery.SubscriptionId, out var subscription) || !subscription.Active)
            {
                delivery.Status = "Failed";
                delivery.LastError = "The subscription was removed or disabled.";
                delivery.NextAttemptAt = null;
                continue;
            }

            await AttemptAsync(client, delivery, subscription, protector.Unprotect(subscription.ProtectedSecret), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }

    private async Task AttemptAsync(HttpClient client, WebhookDelivery delivery, WebhookSubscription subscription, string secret, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        delivery.Attempts++;
        string? error;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
            {
                Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secret, now, delivery.Payload));
            request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id.ToString());
            request.Headers.Add(WebhookSignature.EventHeader, delivery.EventType);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.RequestTimeout);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            delivery.LastStatusCode = (int)response.StatusCode;
            error = response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or WebException)
        {
            error = exception.Message.Length > 400 ? exception.Message[..400] : exception.Message;
        }

        if (error is null)
        {
            delivery.Status = "Delivered";
            delivery.DeliveredAt = now;
            delivery.NextAttemptAt = null;
            delivery.LastError = null;
            return;
        }

        delivery.LastError = error;
        Log.WebhookAttemptFailed(logger, delivery.Id, delivery.SubscriptionId, delivery.Attempts, error);
        if (delivery.Attempts >= options.Value.MaxAttempts)
        {
            delivery.Status = "Failed";
            delivery.NextAttemptAt = null;
        }
        else
        {
            delivery.NextAttemptAt = now + (options.Value.FirstRetryDelay * Math.Pow(2, delivery.Attempts - 1));
        }
    }
}
