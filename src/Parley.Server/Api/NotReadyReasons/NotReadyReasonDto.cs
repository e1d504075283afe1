using Parley.Data.Entities.Acd;

namespace Parley.Server.Api.NotReadyReasons;

public sealed record NotReadyReasonDto(Guid Id, string Code, string Name, long Version)
{
    public static NotReadyReasonDto From(NotReadyReason reason) => new(reason.Id, reason.Code, reason.Name, reason.Version);
}
