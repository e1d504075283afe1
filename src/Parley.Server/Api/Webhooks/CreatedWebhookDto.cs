namespace Parley.Server.Api.Webhooks;

/// <summary>The new subscription and its signing secret, shown this once.</summary>
public sealed record CreatedWebhookDto(WebhookDto Subscription, string Secret);
