using Parley.Data.Entities.Acd;

namespace Parley.Server.Api.Webhooks;

public sealed record WebhookDto(Guid Id, string Url, IReadOnlyList<string> EventTypes, bool Active, DateTimeOffset CreatedAt, long Version)
{
    public static WebhookDto From(WebhookSubscription s) => new(s.Id, s.Url, s.EventTypes, s.Active, s.CreatedAt, s.Version);
}
