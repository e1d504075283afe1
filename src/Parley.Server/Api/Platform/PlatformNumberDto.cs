using Parley.Data.Entities.Voice;

namespace Parley.Server.Api.Platform;

/// <summary>A phone number as the platform operator sees it: which tenant owns it.</summary>
public sealed record PlatformNumberDto(Guid Id, string Number, Guid TenantId, string TargetKind, DateTimeOffset AssignedAt, long Version)
{
    public static PlatformNumberDto From(PhoneNumber number) =>
        new(number.Id, number.Number, number.TenantId, number.TargetKind, number.AssignedAt, number.Version);
}
