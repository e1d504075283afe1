using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Webhooks;

namespace Parley.Server.Api.Webhooks;

/// <summary><c>/api/v1/webhooks</c>: signed event subscriptions of the tenant and their delivery logs.</summary>
public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this RouteGroupBuilder api)
    {
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks");
        webhooks.MapGet("/", ListAsync).RequirePermission(Permissions.WebhooksWrite);
        webhooks.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.WebhooksWrite);
        webhooks.MapPost("/", CreateAsync).RequirePermission(Permissions.WebhooksWrite).Audited("webhooks.create");
        webhooks.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.WebhooksWrite).Audited("webhooks.delete");
        webhooks.MapPost("/{id:guid}/secret", RotateSecretAsync).RequirePermission(Permissions.WebhooksWrite).Audited("webhooks.rotate-secret");
        webhooks.MapGet("/{id:guid}/deliveries", DeliveriesAsync).RequirePermission(Permissions.WebhooksWrite);
        return api;
    }

    private static Task<IResult> ListAsync(ParleyDbContext db, [AsParameters] PageRequest page, CancellationToken ct) =>
        db.WebhookSubscriptions.AsNoTracking().ToPageResultAsync(s => s.Url + " " + s.Id, page, WebhookDto.From, ct);

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, ParleyDbContext db, CancellationToken ct)
    {
        return await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Id == id).ToETaggedResultAsync(http, WebhookDto.From, ct);
    }

    private static async Task<IResult> CreateAsync(
        WebhookRequest request, HttpContext http, ParleyDbContext db, WebhookUrlGuard guard, IDataProtectionProvider protection,
        AuditScope audit, TimeProvider time, CancellationToken ct)
    {
        if (await guard.CheckAsync(request.Url, ct) is { } refused)
        {
            return ApiProblems.Invalid("url", refused);
        }

        var secret = NewSecret();
        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(),
            TenantId = CurrentActor.Require(http.User).TenantId,
            Url = request.Url,
            ProtectedSecret = protection.CreateProtector(WebhookSender.SecretPurpose).Protect(secret),
            EventTypes = [.. (request.EventTypes ?? []).Distinct(StringComparer.Ordinal)],
            CreatedAt = time.GetUtcNow(),
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        audit.Target("webhook", subscription.Id).Describe($"subscribed {new Uri(subscription.Url).Host} to {(subscription.EventTypes.Count == 0 ? "all events" : string.Join(", ", subscription.EventTypes))}");
        ETags.Set(http, subscription.Version);
        return TypedResults.Created($"/api/v1/webhooks/{subscription.Id}", new CreatedWebhookDto(WebhookDto.From(subscription), secret));
    }

    /// <summary>
    /// Replaces the signing secret (shown this once): every delivery from now on, retries included, is signed with the
    /// new one. Honours If-Match, so two administrators cannot rotate over each other unknowingly.
    /// </summary>
    private static async Task<IResult> RotateSecretAsync(
        Guid id, HttpContext http, ParleyDbContext db, IDataProtectionProvider protection, AuditScope audit, CancellationToken ct)
    {
        var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null)
        {
            return ApiProblems.NotFound();
        }

        if (ETags.CheckIfMatch(http, subscription.Version) is { } precondition)
        {
            return precondition;
        }

        var secret = NewSecret();
        subscription.ProtectedSecret = protection.CreateProtector(WebhookSender.SecretPurpose).Protect(secret);
        await db.SaveChangesAsync(ct);
        audit.Target("webhook", id).Describe("rotated the signing secret");
        ETags.Set(http, subscription.Version);
        return TypedResults.Ok(new RotatedWebhookSecretDto(secret));
    }

    private static string NewSecret() => "whsec_" + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static Task<IResult> DeleteAsync(Guid id, ParleyDbContext db, AuditScope audit, CancellationToken ct) =>
        db.WebhookSubscriptions.DeleteSingleAsync(s => s.Id == id, db, _ => audit.Target("webhook", id).Describe("unsubscribed"), ct);

    private static async Task<IResult> DeliveriesAsync(Guid id, ParleyDbContext db, [AsParameters] PageRequest page, CancellationToken ct)
    {
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id, ct))
        {
            return ApiProblems.NotFound();
        }

        return await db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id)
            .ToPageResultAsync(d => d.Id.ToString(), page, WebhookDeliveryDto.From, ct);
    }
}
