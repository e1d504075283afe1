using Parley.Data.Entities.Voice;

namespace Parley.Server.Api.Numbers;

/// <summary>A tenant's phone number and where it points.</summary>
public sealed record NumberDto(Guid Id, string Number, string TargetKind, Guid? TargetId, string? Description, DateTimeOffset AssignedAt, long Version)
{
    public static NumberDto From(PhoneNumber number) =>
        new(number.Id, number.Number, number.TargetKind, number.TargetId, number.Description, number.AssignedAt, number.Version);
}
