namespace Parley.Media.Scheduling;

/// <summary>Scheduling priority of the media clock thread (Linux; elsewhere only the .NET thread priority is set).</summary>
public enum ClockThreadPriority
{
    /// <summary>Like any other thread.</summary>
    Normal,

    /// <summary>Nice −10: a far larger CPU share and quicker wake-ups under contention. Needs CAP_SYS_NICE; falls back silently.</summary>
    High,

    /// <summary>SCHED_FIFO priority 10, as media servers run their timing threads. Needs CAP_SYS_NICE; falls back to High.</summary>
    Realtime,
}
