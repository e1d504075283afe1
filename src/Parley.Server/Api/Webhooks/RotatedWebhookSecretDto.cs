namespace Parley.Server.Api.Webhooks;

/// <summary>The subscription's new signing secret, shown this once, and the subscription's version after the change.</summary>
public sealed record RotatedWebhookSecretDto(string Secret, long Version);
