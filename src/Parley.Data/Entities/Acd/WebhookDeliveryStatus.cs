namespace Parley.Data.Entities.Acd;

/// <summary>Where a webhook delivery stands; stored by name (<c>Pending</c>, <c>Delivered</c>, <c>Failed</c>).</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>Not delivered yet: due at <see cref="WebhookDelivery.NextAttemptAt"/>.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Given up: attempts used up, the subscription removed or disabled, or the delivery cannot be sent at all.</summary>
    Failed,
}
