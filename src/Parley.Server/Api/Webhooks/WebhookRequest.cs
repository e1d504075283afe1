using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Api.Webhooks;

/// <summary>Subscribes an https URL to routing events (<c>interaction.offered</c>, …); no event types: all but statistics.</summary>
public sealed record WebhookRequest(
    [property: Required, StringLength(2000)] string Url,
    [property: MaxLength(20)] IReadOnlyList<string>? EventTypes);
