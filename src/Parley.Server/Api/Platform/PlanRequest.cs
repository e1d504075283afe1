using Parley.Domain.Tenants;

namespace Parley.Server.Api.Platform;

/// <summary>
/// The whole plan (PUT replaces it): every limit omitted or null is not limited, but storage, which is then the default
/// (<see cref="StorageLimits.DefaultMegabytes"/> MiB); a number must be 0 or more.
/// </summary>
public sealed record PlanRequest(
    int? VoiceSeats,
    int? DigitalSeats,
    int? VideoSeats,
    int? MaxConcurrentCalls,
    int? MaxConcurrentChats,
    int? MaxPhoneNumbers,
    int? RecordingRetentionDays,
    int? ApiRequestsPerMinute,
    int? MaxStorageMegabytes)
{
    /// <summary>The largest number any limit may take.</summary>
    public const int MaxLimit = 1_000_000;

    /// <summary>Field errors (camelCase names); empty when the plan is valid.</summary>
    public Dictionary<string, string[]> Errors()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Check(errors, "voiceSeats", VoiceSeats, 0);
        Check(errors, "digitalSeats", DigitalSeats, 0);
        Check(errors, "videoSeats", VideoSeats, 0);
        Check(errors, "maxConcurrentCalls", MaxConcurrentCalls, 0);
        Check(errors, "maxConcurrentChats", MaxConcurrentChats, 0);
        Check(errors, "maxPhoneNumbers", MaxPhoneNumbers, 0);
        Check(errors, "recordingRetentionDays", RecordingRetentionDays, 1);
        Check(errors, "apiRequestsPerMinute", ApiRequestsPerMinute, 1);
        Check(errors, "maxStorageMegabytes", MaxStorageMegabytes, 0, $"the default of {StorageLimits.DefaultMegabytes} MiB");
        return errors;
    }

    public void ApplyTo(TenantPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        plan.VoiceSeats = VoiceSeats;
        plan.DigitalSeats = DigitalSeats;
        plan.VideoSeats = VideoSeats;
        plan.MaxConcurrentCalls = MaxConcurrentCalls;
        plan.MaxConcurrentChats = MaxConcurrentChats;
        plan.MaxPhoneNumbers = MaxPhoneNumbers;
        plan.RecordingRetentionDays = RecordingRetentionDays;
        plan.ApiRequestsPerMinute = ApiRequestsPerMinute;
        plan.MaxStorageMegabytes = MaxStorageMegabytes;
    }

    public string Describe() =>
        $"voice {Show(VoiceSeats)}, digital {Show(DigitalSeats)}, video {Show(VideoSeats)} seats; calls {Show(MaxConcurrentCalls)}, " +
        $"chats {Show(MaxConcurrentChats)}, numbers {Show(MaxPhoneNumbers)}, retention {Show(RecordingRetentionDays)} days, " +
        $"API {Show(ApiRequestsPerMinute)}/min, storage {MaxStorageMegabytes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"} MiB";

    private static string Show(int? limit) => limit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unlimited";

    private static void Check(Dictionary<string, string[]> errors, string field, int? value, int min, string whenNull = "no limit")
    {
        if (value is { } v && (v < min || v > MaxLimit))
        {
            errors[field] = [$"Must be between {min} and {MaxLimit}, or null for {whenNull}."];
        }
    }
}
