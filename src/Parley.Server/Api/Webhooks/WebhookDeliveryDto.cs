using Parley.Data.Entities.Acd;

namespace Parley.Server.Api.Webhooks;

/// <summary>One entry of a subscription's delivery log.</summary>
public sealed record WebhookDeliveryDto(
    Guid Id, string EventType, WebhookDeliveryStatus Status, int Attempts, int? LastStatusCode, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt)
{
    public static WebhookDeliveryDto From(WebhookDelivery d) =>
        new(d.Id, d.EventType, d.Status, d.Attempts, d.LastStatusCode, d.LastError, d.CreatedAt, d.NextAttemptAt, d.DeliveredAt);
}
