namespace Parley.Server.Tests.Acd;

/// <summary>One request a <see cref="WebhookReceiver"/> got; <c>Answered</c> is 0 when it never answered.</summary>
internal sealed record WebhookHit(string DeliveryId, string Signature, string Body, int Answered);
