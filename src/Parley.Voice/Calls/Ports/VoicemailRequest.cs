namespace Parley.Voice.Calls.Ports;

/// <summary>
/// A message of <paramref name="Duration"/> left on call <paramref name="CallId"/> by <paramref name="CallerNumber"/> to
/// the tenant's <paramref name="CalledNumber"/>, for <paramref name="Queue"/> (id or name); its audio is recording
/// <paramref name="RecordingId"/> of the call.
/// </summary>
public sealed record VoicemailRequest(
    Guid TenantId, string Queue, Guid CallId, Guid RecordingId, string? CallerNumber, string? CalledNumber, TimeSpan Duration);
