using Parley.Domain.Tenants;

namespace Parley.Server.Api.Platform;

/// <summary>
/// A tenant's plan; a null limit is not limited by the plan (null storage is the default, 1,024 MiB). <see cref="Version"/>
/// is the tenant's (its ETag).
/// </summary>
public sealed record PlanDto(
    int? VoiceSeats,
    int? DigitalSeats,
    int? VideoSeats,
    int? MaxConcurrentCalls,
    int? MaxConcurrentChats,
    int? MaxPhoneNumbers,
    int? RecordingRetentionDays,
    int? ApiRequestsPerMinute,
    int? MaxStorageMegabytes,
    long Version)
{
    public static PlanDto From(Tenant tenant)
    {
        var p = tenant.Plan;
        return new(p.VoiceSeats, p.DigitalSeats, p.VideoSeats, p.MaxConcurrentCalls, p.MaxConcurrentChats, p.MaxPhoneNumbers,
            p.RecordingRetentionDays, p.ApiRequestsPerMinute, p.MaxStorageMegabytes, tenant.Version);
    }
}
