using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Audit;
using Parley.Server.Auth;

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
        webhooks.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.WebhooksWrite).Audited("webhooks.update");
        webhooks.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.WebhooksWrite).Audited("webhooks.delete");
        webhooks.MapPost("/{id:guid}/secret", RotateSecretAsync).RequirePermission(Permissions.WebhooksWrite).Audited("webhooks.rotate-secret");
        webhooks.MapPost("/{id:guid}/test", SendTestAsync).RequirePermission(Permissions.WebhooksWrite).Audited("webhooks.test");
        webhooks.MapGet("/{id:guid}/deliveries", DeliveriesAsync).RequirePermission(Permissions.WebhooksWrite);
        return api;
    }

    private static Task<IResult> ListAsync(ParleyDbContext db, [AsParameters] PageRequest page, CancellationToken ct) =>
        db.WebhookSubscriptions.AsNoTracking().ToPageResultAsync(s => s.Url + " " + s.Id, page, WebhookDto.From, ct);

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, ParleyDbContext db, CancellationToken ct)
    {
        return await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Id == id).ToETaggedResultAsync(http, WebhookDto.From, ct);
    }

    // The writes are the application layer's (WebhookAdmin), shared with the admin console; REST adds If-Match and the ETag.
    private static async Task<IResult> CreateAsync(WebhookRequest request, HttpContext http, WebhookAdmin webhooks, CancellationToken ct) =>
        (await webhooks.CreateAsync(CurrentActor.Require(http.User), request, ct))
            .ToHttp(w => Tagged(http, w.Subscription.Version, TypedResults.Created($"/api/v1/webhooks/{w.Subscription.Id}", w)));

    private static async Task<IResult> UpdateAsync(Guid id, WebhookRequest request, HttpContext http, WebhookAdmin webhooks, CancellationToken ct) =>
        IfMatch.Read(http, out var expected)
            ?? (await webhooks.UpdateAsync(CurrentActor.Require(http.User), id, expected, request, ct)).ToHttp(w => Tagged(http, w.Version, TypedResults.Ok(w)));

    /// <summary>
    /// Replaces the signing secret (shown this once): every delivery from now on, retries included, is signed with the
    /// new one. Honours If-Match, so two administrators cannot rotate over each other unknowingly.
    /// </summary>
    private static async Task<IResult> RotateSecretAsync(Guid id, HttpContext http, WebhookAdmin webhooks, CancellationToken ct)
    {
        var actor = CurrentActor.Require(http.User);
        if (IfMatch.Read(http, out var expected) is { } precondition)
        {
            // Another tenant's (or no) subscription is not found, whatever the headers.
            return (await webhooks.GetAsync(actor, id, ct)).Error?.ToProblem() ?? precondition;
        }

        return (await webhooks.RotateSecretAsync(actor, id, expected, ct)).ToHttp(r => Tagged(http, r.Version, TypedResults.Ok(r)));
    }

    /// <summary>Queues a signed <c>webhook.test</c> event to the subscription; 202 with its delivery log entry.</summary>
    private static async Task<IResult> SendTestAsync(Guid id, HttpContext http, WebhookAdmin webhooks, CancellationToken ct) =>
        (await webhooks.SendTestAsync(CurrentActor.Require(http.User), id, ct)).ToHttp(d => TypedResults.Accepted((string?)null, d));

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext http, WebhookAdmin webhooks, CancellationToken ct) =>
        (await webhooks.DeleteAsync(CurrentActor.Require(http.User), id, ct)).ToHttp();

    private static async Task<IResult> DeliveriesAsync(Guid id, ParleyDbContext db, [AsParameters] PageRequest page, CancellationToken ct)
    {
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id, ct))
        {
            return ApiProblems.NotFound();
        }

        return await db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id)
            .ToPageResultAsync(d => d.Id.ToString(), page, WebhookDeliveryDto.From, ct);
    }

    private static IResult Tagged(HttpContext http, long version, IResult result)
    {
        ETags.Set(http, version);
        return result;
    }
}
