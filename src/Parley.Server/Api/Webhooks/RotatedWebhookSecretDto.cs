namespace Parley.Server.Api.Webhooks;

/// <summary>The subscription's new signing secret, shown this once.</summary>
public sealed record RotatedWebhookSecretDto(string Secret);
