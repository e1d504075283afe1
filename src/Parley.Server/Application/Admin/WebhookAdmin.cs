using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Api.Webhooks;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Webhooks;

namespace Parley.Server.Application.Admin;

/// <summary>
/// Webhook subscriptions for <c>/api/v1/webhooks</c> and the console's <c>/admin/webhooks</c>: list, read, create (the signing
/// secret shown once), change the URL and events with the version read, rotate the secret, delete, the delivery log (newest
/// first, filtered by event type or status) and a test delivery that goes through the same signed, retried path as real
/// events. Needs <c>webhooks.write</c> for all of it; targets must pass <see cref="WebhookUrlGuard"/>.
/// </summary>
internal sealed class WebhookAdmin(
    ParleyDbContext db, TenantContext tenant, WebhookUrlGuard guard, IDataProtectionProvider protection, WebhookOutbox outbox,
    AuditScope audit, TimeProvider time)
{
    /// <summary>The event type of a delivery asked for with "send test".</summary>
    public const string TestEventType = "webhook.test";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<AppResult<ListPage<WebhookDto>>> ListAsync(CurrentActor actor, ListQuery query, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.WebhooksWrite) is { } refused)
        {
            return refused;
        }

        var rows = db.WebhookSubscriptions.AsNoTracking();
        if (query.Needle is { } needle)
        {
            rows = rows.Where(s => s.Url.ToLower().Contains(needle));
        }

        var sorted = query.Sort == "createdAt" ? rows.SortBy(s => s.CreatedAt, query.Descending).ThenBy(s => s.Url) : rows.SortBy(s => s.Url, query.Descending).ThenBy(s => s.Id);
        return AppResult<ListPage<WebhookDto>>.Ok(await sorted.ToListPageAsync(query, WebhookDto.From, ct));
    }

    public async Task<AppResult<WebhookDto>> GetAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.WebhooksWrite) is { } refused)
        {
            return refused;
        }

        return await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is { } subscription
            ? AppResult<WebhookDto>.Ok(WebhookDto.From(subscription))
            : AppError.NotFound();
    }

    public async Task<AppResult<CreatedWebhookDto>> CreateAsync(CurrentActor actor, WebhookRequest request, CancellationToken ct)
    {
        if ((tenant.Require(actor, Permissions.WebhooksWrite) ?? RequestChecks.Check(request) ?? await CheckUrlAsync(request, ct)) is { } refused)
        {
            return refused;
        }

        var secret = NewSecret();
        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(),
            TenantId = actor.TenantId,
            Url = request.Url,
            ProtectedSecret = Protect(secret),
            EventTypes = EventTypes(request),
            CreatedAt = time.GetUtcNow(),
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        audit.Target("webhook", subscription.Id).Describe($"subscribed {new Uri(subscription.Url).Host} to {Describe(subscription.EventTypes)}");
        return AppResult<CreatedWebhookDto>.Ok(new CreatedWebhookDto(WebhookDto.From(subscription), secret));
    }

    /// <summary>Changes the target and the events if the subscription is still at <paramref name="expectedVersion"/>; the secret stays.</summary>
    public async Task<AppResult<WebhookDto>> UpdateAsync(CurrentActor actor, Guid id, long? expectedVersion, WebhookRequest request, CancellationToken ct)
    {
        if ((tenant.Require(actor, Permissions.WebhooksWrite) ?? RequestChecks.Check(request)) is { } refused)
        {
            return refused;
        }

        var updated = await AdminWrites.UpdateAsync(db, db.WebhookSubscriptions, s => s.Id == id, expectedVersion, ApplyAsync, _ => db.SaveChangesAsync(ct), ct);
        return updated.Then(s => audit.Target("webhook", id).Describe($"changed the subscription to {new Uri(s.Url).Host}, {Describe(s.EventTypes)}"), WebhookDto.From);

        async Task<AppError?> ApplyAsync(WebhookSubscription subscription)
        {
            if (await CheckUrlAsync(request, ct) is { } invalid)
            {
                return invalid;
            }

            subscription.Url = request.Url;
            subscription.EventTypes = EventTypes(request);
            return null;
        }
    }

    /// <summary>
    /// Replaces the signing secret (shown this once) if the subscription is still at <paramref name="expectedVersion"/>: every
    /// delivery from now on, retries included, is signed with the new one.
    /// </summary>
    public async Task<AppResult<RotatedWebhookSecretDto>> RotateSecretAsync(CurrentActor actor, Guid id, long? expectedVersion, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.WebhooksWrite) is { } refused)
        {
            return refused;
        }

        var found = await AdminWrites.FindCurrentAsync(db.WebhookSubscriptions, s => s.Id == id, expectedVersion, ct);
        if (found.Value is not { } subscription)
        {
            return found.Error!;
        }

        var secret = NewSecret();
        subscription.ProtectedSecret = Protect(secret);
        await db.SaveChangesAsync(ct);
        audit.Target("webhook", id).Describe("rotated the signing secret");
        return AppResult<RotatedWebhookSecretDto>.Ok(new RotatedWebhookSecretDto(secret, subscription.Version));
    }

    public async Task<AppResult<Done>> DeleteAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.WebhooksWrite) is { } refused)
        {
            return refused;
        }

        var deleted = await AdminWrites.DeleteAsync(db, db.WebhookSubscriptions, s => s.Id == id, _ => Task.FromResult<AppError?>(null), _ => db.SaveChangesAsync(ct), ct);
        return deleted.Then(_ => audit.Target("webhook", id).Describe("unsubscribed"));
    }

    /// <summary>One window of the subscription's delivery log, newest first; the filter matches the event type or the status.</summary>
    public async Task<AppResult<ListPage<WebhookDeliveryDto>>> DeliveriesAsync(CurrentActor actor, Guid id, ListQuery query, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.WebhooksWrite) is { } refused)
        {
            return refused;
        }

        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id, ct))
        {
            return AppError.NotFound();
        }

        var rows = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id);
        if (query.Needle is { } needle)
        {
            var statuses = Enum.GetValues<WebhookDeliveryStatus>().Where(s => s.ToString().Contains(needle, StringComparison.OrdinalIgnoreCase)).ToArray();
            rows = rows.Where(d => d.EventType.Contains(needle) || statuses.Contains(d.Status));
        }

        var sorted = query.Sort switch
        {
            "eventType" => rows.SortBy(d => d.EventType, query.Descending).ThenByDescending(d => d.Id),
            "status" => rows.SortBy(d => d.Status, query.Descending).ThenByDescending(d => d.Id),
            // Version-7 ids grow with time: newest first unless asked otherwise.
            _ => rows.SortBy(d => d.Id, query.Sort is null || query.Descending),
        };
        return AppResult<ListPage<WebhookDeliveryDto>>.Ok(await sorted.ToListPageAsync(query, WebhookDeliveryDto.From, ct));
    }

    /// <summary>Queues a <c>webhook.test</c> delivery to the subscription now, signed and retried like any event; it shows in the log.</summary>
    public async Task<AppResult<WebhookDeliveryDto>> SendTestAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.WebhooksWrite) is { } refused)
        {
            return refused;
        }

        if (await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is not { } subscription)
        {
            return AppError.NotFound();
        }

        var now = time.GetUtcNow();
        var deliveryId = Guid.CreateVersion7();
        var delivery = new WebhookDelivery
        {
            Id = deliveryId,
            TenantId = subscription.TenantId,
            SubscriptionId = id,
            EventType = TestEventType,
            Payload = JsonSerializer.Serialize(new { id = deliveryId, type = TestEventType, at = now, data = new { requestedBy = actor.Name } }, Json),
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(ct);
        outbox.Wake();
        audit.Target("webhook", id).Describe($"sent a test event to {new Uri(subscription.Url).Host}");
        return AppResult<WebhookDeliveryDto>.Ok(WebhookDeliveryDto.From(delivery));
    }

    private async Task<AppError?> CheckUrlAsync(WebhookRequest request, CancellationToken ct) =>
        await guard.CheckAsync(request.Url, ct) is { } refused ? AppError.Invalid("url", refused) : null;

    private static List<string> EventTypes(WebhookRequest request) =>
        [.. (request.EventTypes ?? []).Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.Ordinal)];

    private static string Describe(IReadOnlyCollection<string> eventTypes) => eventTypes.Count == 0 ? "all events" : string.Join(", ", eventTypes);

    private static string NewSecret() => "whsec_" + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private string Protect(string secret) => protection.CreateProtector(WebhookSender.SecretPurpose).Protect(secret);
}
