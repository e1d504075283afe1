using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Server.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Parley.Server.Webhooks;

/// <summary>
/// Sends one delivery until it is delivered or given up. Polly drives the attempts: a timeout per attempt
/// (<see cref="WebhookOptions.RequestTimeout"/>) and a retry whose back-off is <see cref="WebhookOptions.FirstRetryDelay"/>
/// × 2ⁿ⁻¹ after the n-th attempt (at most a day), up to <see cref="WebhookOptions.MaxAttempts"/>. The attempt count
/// and the next due time are saved with every attempt, so after a restart the schedule goes on where it was. At most
/// <see cref="WebhookOptions.MaxConcurrentRequests"/> requests are in flight over all subscriptions; back-off waits hold
/// no slot. Anything that is not an HTTP failure (the secret cannot be read, the URL is unusable, the subscription is
/// gone) gives that delivery up at once and touches no other.
/// </summary>
internal sealed class WebhookDeliverer
{
    public const string ClientName = "webhooks";

    private static readonly ResiliencePropertyKey<Attempt> AttemptKey = new("parley.webhooks.attempt");
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromDays(1);

    private readonly IHttpClientFactory _clients;
    private readonly IDataProtector _protector;
    private readonly WebhookOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookDeliverer> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly ResiliencePipeline<WebhookAttemptResult> _retry;
    private readonly ResiliencePipeline _timeout;

    public WebhookDeliverer(IHttpClientFactory clients, IDataProtectionProvider protection, IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookDeliverer> logger)
    {
        _clients = clients;
        _protector = protection.CreateProtector(WebhookSender.SecretPurpose);
        _options = options.Value;
        _time = time;
        _logger = logger;
        _slots = new SemaphoreSlim(_options.MaxConcurrentRequests);
        _timeout = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(_options.RequestTimeout).Build();
        _retry = new ResiliencePipelineBuilder<WebhookAttemptResult> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<WebhookAttemptResult>
            {
                MaxRetryAttempts = int.MaxValue, // the persisted attempt count decides (ShouldHandle), so a restart does not reset it
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Result.ShouldRetry && args.Context.Properties.GetValue(AttemptKey, null!).Delivery.Attempts < _options.MaxAttempts),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(RetryDelay(args.Context.Properties.GetValue(AttemptKey, null!).Delivery.Attempts)),
                OnRetry = async args =>
                {
                    var (db, delivery) = args.Context.Properties.GetValue(AttemptKey, null!);
                    delivery.NextAttemptAt = _time.GetUtcNow() + args.RetryDelay;
                    await db.SaveChangesAsync(args.Context.CancellationToken);
                },
            })
            .Build();
    }

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var delay = _options.FirstRetryDelay * Math.Pow(2, Math.Min(attempts - 1, 30));
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }

    /// <summary>Waits until <paramref name="delivery"/> is due, sends it until it is delivered or given up, and saves its state in <paramref name="db"/>.</summary>
    public async Task DeliverAsync(ParleyDbContext db, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var wait = (delivery.NextAttemptAt ?? _time.GetUtcNow()) - _time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(AttemptKey, new Attempt(db, delivery));
        WebhookAttemptResult result;
        try
        {
            result = await _retry.ExecuteAsync(static (ctx, self) => self.AttemptAsync(ctx.Properties.GetValue(AttemptKey, null!), ctx.CancellationToken), context, this);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        delivery.NextAttemptAt = null;
        if (result.Succeeded)
        {
            delivery.Status = WebhookDeliveryStatus.Delivered;
        }
        else
        {
            delivery.Status = WebhookDeliveryStatus.Failed;
            Log.WebhookDeliveryFailed(_logger, delivery.Id, delivery.SubscriptionId, delivery.Attempts, result.Error!);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async ValueTask<WebhookAttemptResult> AttemptAsync(Attempt attempt, CancellationToken cancellationToken)
    {
        var (db, delivery) = attempt;
        var result = await SendAsync(db, delivery, cancellationToken);
        delivery.LastStatusCode = result.StatusCode ?? delivery.LastStatusCode;
        delivery.LastError = result.Error;
        if (result.Succeeded)
        {
            delivery.DeliveredAt = _time.GetUtcNow();
        }
        else
        {
            Log.WebhookAttemptFailed(_logger, delivery.Id, delivery.SubscriptionId, delivery.Attempts, result.Error!);
        }

        return result;
    }

    private async Task<WebhookAttemptResult> SendAsync(ParleyDbContext db, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        // Read for every attempt: a rotated secret signs the retries too, and a disabled subscription stops them.
        var subscription = await db.WebhookSubscriptions.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.Id == delivery.SubscriptionId)
            .Select(s => new { s.Url, s.ProtectedSecret, s.Active })
            .SingleOrDefaultAsync(cancellationToken);
        if (subscription is not { Active: true })
        {
            return WebhookAttemptResult.GiveUp("The subscription was removed or disabled.");
        }

        delivery.Attempts++;
        try
        {
            var secret = _protector.Unprotect(subscription.ProtectedSecret);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(subscription.Url, UriKind.Absolute))
            {
                Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secret, _time.GetUtcNow(), delivery.Payload));
            request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id.ToString());
            request.Headers.Add(WebhookSignature.EventHeader, delivery.EventType);
            var client = _clients.CreateClient(ClientName);
            await _slots.WaitAsync(cancellationToken);
            try
            {
                using var response = await _timeout.ExecuteAsync(
                    static async (state, token) => await state.client.SendAsync(state.request, HttpCompletionOption.ResponseHeadersRead, token),
                    (client, request),
                    cancellationToken);
                var status = (int)response.StatusCode;
                return response.IsSuccessStatusCode ? WebhookAttemptResult.Delivered(status) : WebhookAttemptResult.Retryable(status, $"HTTP {status}");
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (TimeoutRejectedException)
        {
            return WebhookAttemptResult.Retryable(null, $"No answer within {_options.RequestTimeout.TotalSeconds:0.###} s.");
        }
        catch (HttpRequestException exception)
        {
            return WebhookAttemptResult.Retryable(null, exception.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException exception)
        {
            return WebhookAttemptResult.Retryable(null, exception.Message);
        }
        catch (Exception exception)
        {
            // Not an HTTP failure (secret unreadable, URL unusable, …): retrying cannot help, and it must not stop the others.
            return WebhookAttemptResult.GiveUp($"The delivery cannot be sent: {exception.GetType().Name}: {exception.Message}");
        }
    }

    private sealed record Attempt(ParleyDbContext Db, WebhookDelivery Delivery);
}
