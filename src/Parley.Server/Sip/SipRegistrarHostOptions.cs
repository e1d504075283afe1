using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Sip;

/// <summary><c>Parley:Sip:Registrar</c>: registration intervals and the sweep of expired registrations.</summary>
public sealed class SipRegistrarHostOptions
{
    /// <summary>Shortest accepted interval; shorter asks get 423. Default 60 s.</summary>
    [Range(1, 86_400)]
    public int MinExpires { get; set; } = 60;

    /// <summary>Longest granted interval. Default 3600 s.</summary>
    [Range(1, 604_800)]
    public int MaxExpires { get; set; } = 3600;

    /// <summary>Interval when the phone names none. Default 3600 s.</summary>
    [Range(1, 604_800)]
    public int DefaultExpires { get; set; } = 3600;

    /// <summary>How often expired registrations are deleted. Default 60 s.</summary>
    [Range(1, 86_400)]
    public int SweepIntervalSeconds { get; set; } = 60;

    /// <summary>Most rows one sweep statement deletes; a sweep repeats batches until none are left. Default 500.</summary>
    [Range(1, 100_000)]
    public int SweepBatchSize { get; set; } = 500;
}
